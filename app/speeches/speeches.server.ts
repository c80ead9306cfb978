import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { serializeOn } from "#app/database/serialize.server.ts";
import { checkEvidence } from "#app/files/accepted-files.ts";
import { storeEvidence } from "#app/files/file-store.server.ts";
import { SPEECH_STATUS_LABEL } from "#app/speeches/speech-form.ts";

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

export interface SpeechRegistration {
  kind: "DISCUSSION" | "LEADER";
  title: string;
  speakerName: string;
  speakerPosition: string;
  organizationName: string;
  durationMinutes: number;
}

/** The organisers register a speech or discussion paper, with its file when there is one. */
export async function registerSpeech(
  actor: AuditActor,
  conferenceId: string,
  v: SpeechRegistration,
  file:
    | { fileName: string; fileMime: string; filePath: string }
    | { fileName: string; fileMime: string; data: Uint8Array }
    | null,
) {
  await prisma.$transaction(async (tx) => {
    // An uploaded paper is stored with the speech's row and audit record: all of them or none.
    const stored =
      file && "data" in file
        ? {
            fileName: file.fileName,
            fileMime: file.fileMime,
            filePath: await storeEvidence(file.data, file.fileName, file.fileMime, tx),
          }
        : file;
    const speech = await tx.speech.create({
      data: { conferenceId, ...v, ...(stored ?? {}) },
      select: { id: true, status: true },
    });
    await recordAudit(tx, actor, {
      action: "speech.create",
      entity: "Speech",
      entityId: speech.id,
      summary: `Đăng ký “${v.title}” (${v.speakerName})`,
      after: { ...v, status: speech.status, fileName: file?.fileName ?? "" },
      conferenceId,
    });
  });
}

/**
 * A registration typed by the organisers, with the paper's file when one is attached: the file is
 * checked (PDF or Word, its size) first, then stored with the speech's row. Answers the file's refusal, if any.
 */
export async function registerSpeechWithFile(
  actor: AuditActor,
  conferenceId: string,
  v: SpeechRegistration,
  file: { name: string; data: Uint8Array } | null,
): Promise<{ ok: true } | { ok: false; fileError: string }> {
  let checkedFile: { fileName: string; fileMime: string; data: Uint8Array } | null = null;
  if (file) {
    // The limits are checked before anything is written.
    const checked = checkEvidence(file.name, file.data);
    if (!checked.ok) return { ok: false, fileError: checked.error };
    checkedFile = { fileName: file.name.slice(0, 200), fileMime: checked.mime, data: file.data };
  }
  await registerSpeech(actor, conferenceId, v, checkedFile);
  return { ok: true };
}

/** Approved speeches get the next place in the order; others leave it, and the rest close ranks. */
export async function setSpeechStatus(
  actor: AuditActor,
  conferenceId: string,
  speechId: string,
  status: "REGISTERED" | "APPROVED" | "REJECTED" | "DELIVERED",
) {
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, `speeches:${conferenceId}`);
    const speech = await tx.speech.findFirst({
      where: { id: speechId, conferenceId },
      select: { speakingOrder: true, status: true, title: true },
    });
    if (!speech) return false;
    let speakingOrder = speech.speakingOrder;
    if ((status === "APPROVED" || status === "DELIVERED") && speakingOrder === null) {
      const last = await tx.speech.aggregate({ where: { conferenceId }, _max: { speakingOrder: true } });
      speakingOrder = (last._max.speakingOrder ?? 0) + 1;
    }
    if (status === "REGISTERED" || status === "REJECTED") speakingOrder = null;
    await tx.speech.update({ where: { id: speechId }, data: { status, speakingOrder } });
    const ordered = await tx.speech.findMany({
      where: { conferenceId, speakingOrder: { not: null } },
      orderBy: { speakingOrder: "asc" },
      select: { id: true },
    });
    for (const [i, s] of ordered.entries())
      await tx.speech.update({ where: { id: s.id }, data: { speakingOrder: i + 1 } });
    const after = await tx.speech.findUniqueOrThrow({
      where: { id: speechId },
      select: { status: true, speakingOrder: true },
    });
    await recordAudit(tx, actor, {
      action: "speech.status",
      entity: "Speech",
      entityId: speechId,
      summary: `“${speech.title}”: ${SPEECH_STATUS_LABEL[speech.status]} → ${SPEECH_STATUS_LABEL[status]}`,
      before: { status: speech.status, speakingOrder: speech.speakingOrder },
      after,
      conferenceId,
    });
    return true;
  });
}

export async function moveSpeech(actor: AuditActor, conferenceId: string, speechId: string, direction: "up" | "down") {
  return prisma.$transaction(async (tx) => {
    await serializeOn(tx, `speeches:${conferenceId}`);
    const ordered = await tx.speech.findMany({
      where: { conferenceId, speakingOrder: { not: null } },
      orderBy: { speakingOrder: "asc" },
      select: { id: true, speakingOrder: true, title: true },
    });
    const i = ordered.findIndex((s) => s.id === speechId);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0) return false;
    if (j < 0 || j >= ordered.length) return true;
    const [a, b] = [ordered[i]!, ordered[j]!];
    await tx.speech.update({ where: { id: a.id }, data: { speakingOrder: b.speakingOrder } });
    await tx.speech.update({ where: { id: b.id }, data: { speakingOrder: a.speakingOrder } });
    await recordAudit(tx, actor, {
      action: "speech.move",
      entity: "Speech",
      entityId: a.id,
      summary: `Chuyển “${a.title}” ${direction === "up" ? "lên trước" : "xuống sau"} “${b.title}”`,
      before: { speakingOrder: a.speakingOrder },
      after: { speakingOrder: b.speakingOrder },
      conferenceId,
    });
    return true;
  });
}

export async function saveDraft(
  actor: AuditActor,
  conferenceId: string,
  speechId: string,
  content: string,
  userId: string,
) {
  return prisma.$transaction(async (tx) => {
    const speech = await tx.speech.findFirst({
      where: { id: speechId, conferenceId },
      select: {
        id: true,
        title: true,
        versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, content: true } },
      },
    });
    if (!speech) return false;
    const last = speech.versions[0];
    // Saving unchanged text does not make a new version.
    if (last?.content === content) return true;
    const version = (last?.version ?? 0) + 1;
    await tx.speechVersion.create({ data: { speechId, version, content, createdById: userId } });
    await recordAudit(tx, actor, {
      action: "speech.draft",
      entity: "Speech",
      entityId: speechId,
      summary: `Lưu bản thảo lần ${version} của “${speech.title}”`,
      // The earlier text stays in its own version; the record carries the new one.
      before: last ? { version: last.version } : null,
      after: { version, content },
      conferenceId,
    });
    return true;
  });
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
    select: {
      speakerName: true,
      organizationName: true,
      title: true,
      status: true,
      conference: { select: { id: true, title: true, issueYear: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const bySpeaker = new Map<
    string,
    { speakerName: string; organizationName: string; count: number; items: typeof rows }
  >();
  for (const r of rows) {
    const key = `${r.speakerName.toLowerCase()}|${r.organizationName.toLowerCase()}`;
    const entry = bySpeaker.get(key) ?? {
      speakerName: r.speakerName,
      organizationName: r.organizationName,
      count: 0,
      items: [],
    };
    entry.count++;
    entry.items.push(r);
    bySpeaker.set(key, entry);
  }
  return [...bySpeaker.values()].sort((a, b) => b.count - a.count || a.speakerName.localeCompare(b.speakerName, "vi"));
}
