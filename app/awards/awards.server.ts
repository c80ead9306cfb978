import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { listSnapshot } from "#app/database/audit-snapshot.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { fromLocalDateValue } from "#app/lib/vietnamese-date.ts";
import type { AwardValues } from "#app/awards/award-form.ts";
import { parseAwards } from "#app/awards/award-import.ts";
import { readTable } from "#app/lib/table/read.server.ts";
import type { ImportError } from "#app/lib/table/table.ts";

/** What adding awards answers: a message, or what was refused (for the form, or row by row for a file). */
export type AwardOutcome = { ok: true; message: string } | { ok: false; formError: string; rowErrors?: ImportError[] };

export function listAwards(conferenceId: string) {
  return prisma.award.findMany({
    where: { conferenceId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      status: true,
      recipientKind: true,
      recipientName: true,
      organizationName: true,
      achievement: true,
      form: true,
      decisionNumber: true,
      decisionDate: true,
      attendee: { select: { name: true, rsvp: true } },
    },
  });
}

function row(v: AwardValues) {
  return {
    recipientKind: v.recipientKind,
    recipientName: v.recipientName,
    organizationName: v.organizationName,
    achievement: v.achievement,
    form: v.form,
    decisionNumber: v.decisionNumber,
    decisionDate: v.decisionDate ? fromLocalDateValue(v.decisionDate) : null,
    attendeeId: v.attendeeId || null,
  };
}

/** An award as the audit trail shows it (the attendee by name). */
async function awardFields(tx: Prisma.TransactionClient, id: string) {
  const a = await tx.award.findUnique({
    where: { id },
    select: {
      conferenceId: true,
      status: true,
      position: true,
      recipientKind: true,
      recipientName: true,
      organizationName: true,
      achievement: true,
      form: true,
      decisionNumber: true,
      decisionDate: true,
      attendee: { select: { name: true } },
    },
  });
  if (!a) return null;
  const { attendee, position, conferenceId, ...rest } = a;
  return { conferenceId, fields: { ...rest, order: position + 1, attendeeId: attendee?.name ?? "" } };
}

/** Adds awards from the form (one) or a file (a list: one audit record for the whole list). */
export async function addAwards(actor: AuditActor, conferenceId: string, values: AwardValues[], fileName?: string) {
  await prisma.$transaction(async (tx) => {
    await serializeOn(tx, `awards:${conferenceId}`);
    const last = await tx.award.findFirst({
      where: { conferenceId },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    let position = (last?.position ?? -1) + 1;
    const created: string[] = [];
    for (const v of values)
      created.push(
        (await tx.award.create({ data: { conferenceId, position: position++, ...row(v) }, select: { id: true } })).id,
      );
    if (fileName === undefined) {
      for (const [i, id] of created.entries()) {
        await recordAudit(tx, actor, {
          action: "award.create",
          entity: "Award",
          entityId: id,
          summary: `Thêm khen thưởng: ${values[i]!.form} cho ${values[i]!.recipientName}`,
          after: (await awardFields(tx, id))?.fields,
          conferenceId,
        });
      }
    } else if (created.length) {
      await recordAudit(tx, actor, {
        action: "award.import",
        entity: "Conference",
        entityId: conferenceId,
        summary: `Nhập ${created.length} khen thưởng từ tệp “${fileName}”`,
        after: listSnapshot(
          values.map((v) => [v.recipientName + (v.organizationName ? `, ${v.organizationName}` : ""), v.form]),
        ),
        conferenceId,
      });
    }
  });
}

/** Ceremony order: swap with the neighbour, through a free position because positions are unique. */
export async function moveAward(actor: AuditActor, conferenceId: string, id: string, direction: "up" | "down") {
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, `awards:${conferenceId}`);
    const all = await tx.award.findMany({
      where: { conferenceId },
      orderBy: { position: "asc" },
      select: { id: true, position: true, recipientName: true },
    });
    const i = all.findIndex((a) => a.id === id);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= all.length) return i >= 0;
    const [a, b] = [all[i]!, all[j]!];
    await tx.award.update({ where: { id: a.id }, data: { position: -1 } });
    await tx.award.update({ where: { id: b.id }, data: { position: a.position } });
    await tx.award.update({ where: { id: a.id }, data: { position: b.position } });
    await recordAudit(tx, actor, {
      action: "award.move",
      entity: "Award",
      entityId: a.id,
      summary: `Chuyển khen thưởng của ${a.recipientName} ${direction === "up" ? "lên trước" : "xuống sau"} ${b.recipientName}`,
      before: { order: i + 1 },
      after: { order: j + 1 },
      conferenceId,
    });
    return true;
  });
}

export async function setAwardStatus(
  actor: AuditActor,
  conferenceId: string,
  id: string,
  status: "PROPOSED" | "APPROVED",
) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.award.findFirst({
      where: { id, conferenceId },
      select: { status: true, recipientName: true, form: true },
    });
    if (!before) return false;
    await tx.award.update({ where: { id }, data: { status } });
    await recordAudit(tx, actor, {
      action: "award.status",
      entity: "Award",
      entityId: id,
      summary: `${status === "APPROVED" ? "Duyệt" : "Chuyển về đề nghị"} khen thưởng: ${before.form} cho ${before.recipientName}`,
      before: { status: before.status },
      after: { status },
      conferenceId,
    });
    return true;
  });
}

/** One award typed on the page; the attendee it is linked to must be one of the conference's. */
export async function addAward(actor: AuditActor, conferenceId: string, v: AwardValues): Promise<AwardOutcome> {
  if (
    v.attendeeId &&
    !(await prisma.attendee.findFirst({ where: { id: v.attendeeId, conferenceId }, select: { id: true } }))
  )
    return { ok: false, formError: "Đại biểu không thuộc hội nghị này" };
  await addAwards(actor, conferenceId, [v]);
  return { ok: true, message: `Đã thêm ${v.recipientName}.` };
}

/** A list of awards from a .xlsx or .csv file: all rows or none. */
export async function importAwards(
  actor: AuditActor,
  conferenceId: string,
  file: { name: string; data: Uint8Array } | null,
): Promise<AwardOutcome> {
  if (!file) return { ok: false, formError: "Chọn tệp danh sách khen thưởng (.xlsx hoặc .csv)" };
  let table;
  try {
    table = await readTable({ fileName: file.name, data: file.data });
  } catch (error) {
    return { ok: false, formError: error instanceof Error ? error.message : "Không đọc được tệp" };
  }
  const parsed = parseAwards(table);
  if (!parsed.ok)
    return {
      ok: false,
      formError: `Tệp có ${parsed.errors.length} lỗi, chưa thêm dòng nào.`,
      rowErrors: parsed.errors,
    };
  await addAwards(actor, conferenceId, parsed.awards, file.name);
  return { ok: true, message: `Đã thêm ${parsed.awards.length} khen thưởng từ tệp.` };
}
