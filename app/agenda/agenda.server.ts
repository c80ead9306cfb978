import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { AgendaKind } from "#app/agenda/timing.ts";
import { moveItem } from "#app/agenda/timing.ts";

type Tx = Prisma.TransactionClient;

export function agendaItems(conferenceId: string, db: Tx = prisma) {
  return db.agendaItem.findMany({
    where: { conferenceId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      kind: true,
      title: true,
      presenter: true,
      durationMinutes: true,
      speechId: true,
      speech: { select: { title: true, speakerName: true } },
    },
  });
}

/**
 * Writes a new order in the caller's transaction. Positions are unique per conference,
 * so items first move to negative positions, then to their final ones.
 */
async function writeOrder(tx: Tx, conferenceId: string, ids: string[]) {
  for (const [i, id] of ids.entries())
    await tx.agendaItem.update({ where: { id, conferenceId }, data: { position: -1 - i } });
  for (const [i, id] of ids.entries())
    await tx.agendaItem.update({ where: { id, conferenceId }, data: { position: i } });
}

/** The programme as a numbered list of titles, for the audit trail. */
function orderText(items: Array<{ title: string }>): string {
  return items.map((item, i) => `${i + 1}. ${item.title}`).join("\n");
}

export interface AgendaValues {
  kind: AgendaKind;
  title: string;
  presenter: string;
  durationMinutes: number;
  speechId: string | null;
}

/** The stored values of an item from the form's (no linked speech: null). */
export function agendaValues(x: Omit<AgendaValues, "speechId"> & { speechId?: string }): AgendaValues {
  return {
    kind: x.kind,
    title: x.title,
    presenter: x.presenter,
    durationMinutes: x.durationMinutes,
    speechId: x.speechId || null,
  };
}

/** Whether a speech belongs to the conference (an item may link only its own conference's speeches). */
export async function isSpeechOf(conferenceId: string, speechId: string): Promise<boolean> {
  return !!(await prisma.speech.findFirst({ where: { id: speechId, conferenceId }, select: { id: true } }));
}

async function itemFields(tx: Tx, id: string) {
  const item = await tx.agendaItem.findUnique({
    where: { id },
    select: {
      kind: true,
      title: true,
      presenter: true,
      durationMinutes: true,
      position: true,
      speech: { select: { title: true } },
    },
  });
  if (!item) return null;
  const { speech, position, ...rest } = item;
  return { ...rest, order: position + 1, speechId: speech?.title ?? "" };
}

export async function addItem(actor: AuditActor, conferenceId: string, v: AgendaValues) {
  await prisma.$transaction(async (tx) => {
    await serializeOn(tx, `agenda:${conferenceId}`);
    const last = await tx.agendaItem.findFirst({
      where: { conferenceId },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    const item = await tx.agendaItem.create({
      data: { conferenceId, position: (last?.position ?? -1) + 1, ...v },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "agenda.create",
      entity: "AgendaItem",
      entityId: item.id,
      summary: `Thêm vào chương trình: “${v.title}”`,
      after: await itemFields(tx, item.id),
      conferenceId,
    });
  });
}

export async function updateItem(actor: AuditActor, conferenceId: string, itemId: string, v: AgendaValues) {
  return prisma.$transaction(async (tx) => {
    const found = await tx.agendaItem.findFirst({ where: { id: itemId, conferenceId }, select: { id: true } });
    if (!found) return false;
    const before = await itemFields(tx, itemId);
    await tx.agendaItem.update({ where: { id: itemId }, data: v });
    await recordAudit(tx, actor, {
      action: "agenda.update",
      entity: "AgendaItem",
      entityId: itemId,
      summary: `Sửa mục chương trình “${v.title}”`,
      before,
      after: await itemFields(tx, itemId),
      conferenceId,
    });
    return true;
  });
}

export async function deleteItem(actor: AuditActor, conferenceId: string, itemId: string) {
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, `agenda:${conferenceId}`);
    const found = await tx.agendaItem.findFirst({ where: { id: itemId, conferenceId }, select: { id: true } });
    if (!found) return false;
    const before = await itemFields(tx, itemId);
    await tx.agendaItem.delete({ where: { id: itemId } });
    await writeOrder(
      tx,
      conferenceId,
      (await agendaItems(conferenceId, tx)).map((i) => i.id),
    );
    await recordAudit(tx, actor, {
      action: "agenda.delete",
      entity: "AgendaItem",
      entityId: itemId,
      summary: `Xóa khỏi chương trình: “${before?.title ?? ""}”`,
      before,
      conferenceId,
    });
    return true;
  });
}

/** Writes a new order and records the programme before and after as one action. */
async function reorderWithAudit(
  tx: Tx,
  actor: AuditActor,
  conferenceId: string,
  items: Array<{ id: string; title: string }>,
  ids: string[],
  summary: string,
) {
  const byId = new Map(items.map((i) => [i.id, i]));
  await writeOrder(tx, conferenceId, ids);
  await recordAudit(tx, actor, {
    action: "agenda.reorder",
    entity: "Conference",
    entityId: conferenceId,
    summary,
    before: { order: orderText(items) },
    after: { order: orderText(ids.map((id) => byId.get(id)!)) },
    conferenceId,
  });
}

export async function moveOne(actor: AuditActor, conferenceId: string, itemId: string, direction: "up" | "down") {
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, `agenda:${conferenceId}`);
    const items = await agendaItems(conferenceId, tx);
    const ids = items.map((i) => i.id);
    const from = ids.indexOf(itemId);
    if (from < 0) return false;
    const next = moveItem(ids, from, direction === "up" ? from - 1 : from + 1);
    if (next.join() !== ids.join()) {
      await reorderWithAudit(
        tx,
        actor,
        conferenceId,
        items,
        next,
        `Chuyển “${items[from]!.title}” ${direction === "up" ? "lên trên" : "xuống dưới"} trong chương trình`,
      );
    }
    return true;
  });
}

/** A full new order (drag and drop); it must name exactly the conference's items. */
export async function reorder(actor: AuditActor, conferenceId: string, order: string[]) {
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, `agenda:${conferenceId}`);
    const items = await agendaItems(conferenceId, tx);
    const ids = items.map((i) => i.id);
    if (order.length !== ids.length || new Set(order).size !== ids.length || !order.every((id) => ids.includes(id)))
      return false;
    if (order.join() !== ids.join())
      await reorderWithAudit(tx, actor, conferenceId, items, order, "Sắp xếp lại thứ tự chương trình");
    return true;
  });
}
