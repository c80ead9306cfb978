import { prisma } from "../db.server.ts";
import type { AgendaKind } from "./timing.ts";
import { moveItem } from "./timing.ts";

export function agendaItems(conferenceId: string) {
  return prisma.agendaItem.findMany({
    where: { conferenceId },
    orderBy: { position: "asc" },
    select: { id: true, kind: true, title: true, presenter: true, durationMinutes: true, speechId: true, speech: { select: { title: true, speakerName: true } } },
  });
}

/**
 * Writes a new order in one transaction. Positions are unique per conference,
 * so items first move to negative positions, then to their final ones.
 */
async function writeOrder(conferenceId: string, ids: string[]) {
  await prisma.$transaction([
    ...ids.map((id, i) => prisma.agendaItem.update({ where: { id, conferenceId }, data: { position: -1 - i } })),
    ...ids.map((id, i) => prisma.agendaItem.update({ where: { id, conferenceId }, data: { position: i } })),
  ]);
}

export interface AgendaValues {
  kind: AgendaKind;
  title: string;
  presenter: string;
  durationMinutes: number;
  speechId: string | null;
}

export async function addItem(conferenceId: string, v: AgendaValues) {
  const last = await prisma.agendaItem.findFirst({ where: { conferenceId }, orderBy: { position: "desc" }, select: { position: true } });
  await prisma.agendaItem.create({ data: { conferenceId, position: (last?.position ?? -1) + 1, ...v } });
}

export async function updateItem(conferenceId: string, itemId: string, v: AgendaValues) {
  const { count } = await prisma.agendaItem.updateMany({ where: { id: itemId, conferenceId }, data: v });
  return count === 1;
}

export async function deleteItem(conferenceId: string, itemId: string) {
  const { count } = await prisma.agendaItem.deleteMany({ where: { id: itemId, conferenceId } });
  if (count) await writeOrder(conferenceId, (await agendaItems(conferenceId)).map((i) => i.id));
  return count === 1;
}

export async function moveOne(conferenceId: string, itemId: string, direction: "up" | "down") {
  const ids = (await agendaItems(conferenceId)).map((i) => i.id);
  const from = ids.indexOf(itemId);
  if (from < 0) return false;
  await writeOrder(conferenceId, moveItem(ids, from, direction === "up" ? from - 1 : from + 1));
  return true;
}

/** A full new order (drag and drop); it must name exactly the conference's items. */
export async function reorder(conferenceId: string, order: string[]) {
  const ids = (await agendaItems(conferenceId)).map((i) => i.id);
  if (order.length !== ids.length || new Set(order).size !== ids.length || !order.every((id) => ids.includes(id))) return false;
  await writeOrder(conferenceId, order);
  return true;
}
