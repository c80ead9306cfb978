// The administrator's steps on organisations: each checks the form against the tree and the codes in use,
// then writes through organization-writes.server.ts (with its audit record). A refusal is returned as the
// messages of the form's fields.

import type { CurrentUser } from "#app/auth/session.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { toLocalDateValue } from "#app/lib/vietnamese-date.ts";
import type { OrganizationFormValues } from "#app/organizations/organization-form.ts";
import { createOrganization, updateOrganization } from "#app/organizations/organization-writes.server.ts";
import { organizationData, parentError } from "#app/organizations/organizations.server.ts";

type FieldErrors = Record<string, string[]>;

/** Whether another organisation already has this code. */
async function codeTaken(code: string | undefined, exceptId?: string): Promise<boolean> {
  if (!code) return false;
  const other = await prisma.organization.findUnique({ where: { code }, select: { id: true } });
  return !!other && other.id !== exceptId;
}

const CODE_TAKEN = { code: ["Mã này đã được dùng cho cơ quan khác"] };

/** Adds an organisation under a parent in the admin's scope; null when done. */
export async function addOrganization(admin: CurrentUser, v: OrganizationFormValues): Promise<FieldErrors | null> {
  const error = await parentError(admin, v);
  if (error) return { parentId: [error] };
  if (await codeTaken(v.code)) return CODE_TAKEN;
  await createOrganization(userActor(admin), { ...organizationData(v), parentId: v.parentId });
  return null;
}

/** Saves an organisation; the admin's own root keeps its parent. Null when done. */
export async function saveOrganization(
  admin: CurrentUser,
  id: string,
  v: OrganizationFormValues,
): Promise<FieldErrors | null> {
  const error = await parentError(admin, v, id);
  if (error) return { parentId: [error] };
  if (await codeTaken(v.code, id)) return CODE_TAKEN;
  await updateOrganization(userActor(admin), id, {
    ...organizationData(v),
    ...(id === admin.organizationId ? {} : { parentId: v.parentId }),
  });
  return null;
}

/** An organisation as its edit form starts; null when there is none. */
export async function organizationForEdit(id: string) {
  const org = await prisma.organization.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      documentName: true,
      placeName: true,
      levelId: true,
      parentId: true,
      code: true,
      dissolvedOn: true,
    },
  });
  if (!org) return null;
  return {
    org,
    defaultValue: {
      name: org.name,
      documentName: org.documentName,
      placeName: org.placeName,
      levelId: org.levelId,
      parentId: org.parentId ?? undefined,
      code: org.code ?? undefined,
      dissolvedOn: toLocalDateValue(org.dissolvedOn) || undefined,
    },
  };
}
