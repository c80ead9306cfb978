import type { CurrentUser } from "../auth/session.server.ts";
import { prisma } from "../db.server.ts";

export function listSpeeches(conferenceId: string) {
  return prisma.speech.findMany({
    where: { conferenceId },
    orderBy: [{ speakingOrder: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      id: true,
      kind: true,
      status: true,
      title: true,
      speakerName: true,
      speakerPosition: true,
      organizationName: true,
      durationMinutes: true,
      speakingOrder: true,
      fileName: true,
      versions: { orderBy: { version: "desc" }, select: { version: true, content: true, createdAt: true } },
    },
  });
}

/** Approved speeches get the next place in the order; others leave it, and the rest close ranks. */
export async function setSpeechStatus(conferenceId: string, speechId: string, status: "REGISTERED" | "APPROVED" | "REJECTED" | "DELIVERED") {
  return prisma.$transaction(async (tx) => {
    const speech = await tx.speech.findFirst({ where: { id: speechId, conferenceId }, select: { speakingOrder: true } });
    if (!speech) return false;
    let speakingOrder = speech.speakingOrder;
    if ((status === "APPROVED" || status === "DELIVERED") && speakingOrder === null) {
      const last = await tx.speech.aggregate({ where: { conferenceId }, _max: { speakingOrder: true } });
      speakingOrder = (last._max.speakingOrder ?? 0) + 1;
    }
    if (status === "REGISTERED" || status === "REJECTED") speakingOrder = null;
    await tx.speech.update({ where: { id: speechId }, data: { status, speakingOrder } });
    const ordered = await tx.speech.findMany({ where: { conferenceId, speakingOrder: { not: null } }, orderBy: { speakingOrder: "asc" }, select: { id: true } });
    for (const [i, s] of ordered.entries()) await tx.speech.update({ where: { id: s.id }, data: { speakingOrder: i + 1 } });
    return true;
  });
}

export async function moveSpeech(conferenceId: string, speechId: string, direction: "up" | "down") {
  const ordered = await prisma.speech.findMany({ where: { conferenceId, speakingOrder: { not: null } }, orderBy: { speakingOrder: "asc" }, select: { id: true, speakingOrder: true } });
  const i = ordered.findIndex((s) => s.id === speechId);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0) return false;
  if (j < 0 || j >= ordered.length) return true;
  await prisma.$transaction([
    prisma.speech.update({ where: { id: ordered[i]!.id }, data: { speakingOrder: ordered[j]!.speakingOrder } }),
    prisma.speech.update({ where: { id: ordered[j]!.id }, data: { speakingOrder: ordered[i]!.speakingOrder } }),
  ]);
  return true;
}

export async function saveDraft(conferenceId: string, speechId: string, content: string, userId: string) {
  const speech = await prisma.speech.findFirst({ where: { id: speechId, conferenceId }, select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, content: true } } } });
  if (!speech) return false;
  const last = speech.versions[0];
  // Saving unchanged text does not make a new version.
  if (last?.content === content) return true;
  await prisma.speechVersion.create({ data: { speechId, version: (last?.version ?? 0) + 1, content, createdById: userId } });
  return true;
}

/**
 * Across the conferences a user can see that have taken place: who registered a
 * speech that was never delivered, with how many times.
 */
export async function neverSpoke(user: CurrentUser) {
  const rows = await prisma.speech.findMany({
    where: {
      kind: "DISCUSSION",
      status: { in: ["REGISTERED", "APPROVED", "REJECTED"] },
      conference: { organizationId: { in: user.visibleOrganizationIds }, status: { in: ["HELD", "CLOSED"] } },
    },
    select: { speakerName: true, organizationName: true, title: true, status: true, conference: { select: { id: true, title: true, issueYear: true } } },
    orderBy: { createdAt: "asc" },
  });
  const bySpeaker = new Map<string, { speakerName: string; organizationName: string; count: number; items: typeof rows }>();
  for (const r of rows) {
    const key = `${r.speakerName.toLowerCase()}|${r.organizationName.toLowerCase()}`;
    const entry = bySpeaker.get(key) ?? { speakerName: r.speakerName, organizationName: r.organizationName, count: 0, items: [] };
    entry.count++;
    entry.items.push(r);
    bySpeaker.set(key, entry);
  }
  return [...bySpeaker.values()].sort((a, b) => b.count - a.count || a.speakerName.localeCompare(b.speakerName, "vi"));
}
