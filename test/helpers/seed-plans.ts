import { issuingBody, type PlanDocumentInput } from "#app/plans/document.ts";
import { organizations } from "#prisma/seed-data/organizations.ts";
import type { SeedOrganization, SeedPlan } from "#prisma/seed-data/types.ts";

const orgByKey = new Map(organizations.map((o) => [o.key, o]));

export function seedOrganization(key: string): SeedOrganization {
  const o = orgByKey.get(key);
  if (!o) throw new Error(`unknown organisation "${key}"`);
  return o;
}

/** A seed plan as the document renderer takes it, without a database. */
export function seedPlanDocumentInput(plan: SeedPlan): PlanDocumentInput {
  const issuer = seedOrganization(plan.organizationKey);
  return {
    ...plan,
    issuingBody: issuingBody({
      documentName: issuer.documentName,
      level: { code: issuer.level },
      parent: issuer.parentKey ? { documentName: seedOrganization(issuer.parentKey).documentName } : null,
    }),
    startsAt: plan.startsAt ? new Date(plan.startsAt) : null,
    endsAt: plan.endsAt ? new Date(plan.endsAt) : null,
    attendeeGroups: plan.attendeeGroups.map((g) => ({
      heading: g.heading,
      lines: g.lines.map((l) => ({ text: l.text })),
    })),
    tasks: plan.tasks.map((t) => ({ assignee: t.assignee, duties: t.duties, inlineDuties: t.inlineDuties })),
  };
}
