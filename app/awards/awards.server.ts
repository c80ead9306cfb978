import { prisma } from "../db.server.ts";
import { fromLocalDateValue } from "../lib/vietnamese-date.ts";
import type { AwardValues } from "./award-form.ts";

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

export async function addAwards(conferenceId: string, values: AwardValues[]) {
  await prisma.$transaction(async (tx) => {
    const last = await tx.award.findFirst({ where: { conferenceId }, orderBy: { position: "desc" }, select: { position: true } });
    let position = (last?.position ?? -1) + 1;
    for (const v of values) await tx.award.create({ data: { conferenceId, position: position++, ...row(v) } });
  });
}

/** Ceremony order: swap with the neighbour, through a free position because positions are unique. */
export async function moveAward(conferenceId: string, id: string, direction: "up" | "down") {
  const all = await prisma.award.findMany({ where: { conferenceId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
  const i = all.findIndex((a) => a.id === id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= all.length) return i >= 0;
  const [a, b] = [all[i]!, all[j]!];
  await prisma.$transaction([
    prisma.award.update({ where: { id: a.id }, data: { position: -1 } }),
    prisma.award.update({ where: { id: b.id }, data: { position: a.position } }),
    prisma.award.update({ where: { id: a.id }, data: { position: b.position } }),
  ]);
  return true;
}

export async function setAwardStatus(conferenceId: string, id: string, status: "PROPOSED" | "APPROVED") {
  const { count } = await prisma.award.updateMany({ where: { id, conferenceId }, data: { status } });
  return count === 1;
}
