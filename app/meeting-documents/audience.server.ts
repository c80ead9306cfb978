// The audience of meeting documents in the database: the attendees a document reaches (as a Prisma filter,
// so sizes and read counts are counted in SQL), the documents an attendee or a bridge point may list and
// open (through canSee/canOpen of audience.ts, the one rule), and the file behind an open.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/database/db.server.ts";
import { readRows, truthy } from "#app/database/raw-read.server.ts";
import { readFile, type FileData } from "#app/files/stored-files.server.ts";
import { canOpen, canSee, type DocumentAccess, type DocumentViewer } from "#app/meeting-documents/audience.ts";

export const accessSelect = {
  id: true,
  conferenceId: true,
  audience: true,
  classified: true,
  publishedAt: true,
  fileId: true,
  targets: { select: { groupId: true, bridgePointId: true, attendeeId: true } },
} as const;

type AccessRow = Prisma.MeetingDocumentGetPayload<{ select: typeof accessSelect }>;

const present = (v: string | null): v is string => v !== null;

/** The pure access record of a document row. */
export function accessOf(row: AccessRow): DocumentAccess & { hasFile: boolean } {
  return {
    audience: row.audience,
    classified: row.classified,
    published: row.publishedAt !== null,
    groupIds: row.targets.map((t) => t.groupId).filter(present),
    bridgePointIds: row.targets.map((t) => t.bridgePointId).filter(present),
    attendeeIds: row.targets.map((t) => t.attendeeId).filter(present),
    hasFile: row.fileId !== null,
  };
}

/**
 * The attendees (not revoked) a document's audience names, as a filter: the same one sizes and counts use.
 * Named attendees are found through the document's targets when its id is given, not as an `IN` list of
 * their ids (a document may name 40,000 of them; a statement binds at most 32,766 parameters).
 */
export function audienceWhere(
  conferenceId: string,
  doc: DocumentAccess,
  documentId?: string,
): Prisma.AttendeeWhereInput {
  const base = { conferenceId, revokedAt: null };
  switch (doc.audience) {
    case "EVERYONE":
      return base;
    case "GROUPS":
      return { ...base, groupId: { in: [...doc.groupIds] } };
    case "BRIDGES":
      return { ...base, bridgePointId: { in: [...doc.bridgePointIds] } };
    case "ATTENDEES":
      return documentId
        ? { ...base, documentTargets: { some: { documentId } } }
        : { ...base, id: { in: [...doc.attendeeIds] } };
    case "ORGANISERS":
      return { ...base, id: { in: [] } };
  }
}

/** An invitation as the document rules see it (the route finds the attendee by the signed token). */
export interface AttendeeHolder {
  id: string;
  conferenceId: string;
  groupId: string | null;
  bridgePointId: string | null;
  revokedAt: Date | null;
}

function holderOf(attendeeId: string): Promise<AttendeeHolder | null> {
  return prisma.attendee.findUnique({
    where: { id: attendeeId },
    select: { id: true, conferenceId: true, groupId: true, bridgePointId: true, revokedAt: true },
  });
}

const attendeeViewer = (a: AttendeeHolder): DocumentViewer => ({
  kind: "attendee",
  attendeeId: a.id,
  groupId: a.groupId,
  bridgePointId: a.bridgePointId,
});

export interface ListedDocument {
  id: string;
  title: string;
  note: string;
  phase: "BEFORE" | "AFTER";
  classified: boolean;
  fileName: string | null;
  size: number | null;
  /** False for a classified document: listed by name only. */
  openable: boolean;
}

interface ListedRow extends Record<string, unknown> {
  id: string;
  audience: DocumentAccess["audience"];
  classified: unknown;
  fileId: string | null;
  title: string;
  note: string;
  phase: "BEFORE" | "AFTER";
  fileName: string | null;
  size: number | null;
}

const LISTED_SQL = `SELECT "id", "audience", "classified", "fileId", "title", "note", "phase", "fileName", "size"
  FROM "MeetingDocument" WHERE "conferenceId" = ? AND "publishedAt" IS NOT NULL ORDER BY "position", "createdAt"`;

// Only the targets that name this viewer: a document may name 40,000 attendees, and whether the viewer
// is among them is all canSee asks.
const VIEWER_TARGETS_SQL = `SELECT t."documentId", t."groupId", t."bridgePointId", t."attendeeId"
  FROM "MeetingDocumentTarget" t JOIN "MeetingDocument" d ON d."id" = t."documentId"
  WHERE d."conferenceId" = ? AND d."publishedAt" IS NOT NULL
    AND (t."groupId" = ? OR t."bridgePointId" = ? OR t."attendeeId" = ?)`;

interface TargetRow extends Record<string, unknown> {
  documentId: string;
  groupId: string | null;
  bridgePointId: string | null;
  attendeeId: string | null;
}

// Raw SQL (app/database/raw-read.server.ts): the invitation page lists these on every open, thousands of
// times a minute after the invitations go out.
async function listedFor(conferenceId: string, viewer: DocumentViewer): Promise<ListedDocument[]> {
  const rows = await readRows<ListedRow>(LISTED_SQL, [conferenceId]);
  if (!rows.length) return [];
  const targeted = rows.some((r) => r.audience === "GROUPS" || r.audience === "BRIDGES" || r.audience === "ATTENDEES");
  const targets = targeted
    ? await readRows<TargetRow>(VIEWER_TARGETS_SQL, [
        conferenceId,
        viewer.kind === "attendee" ? viewer.groupId : null,
        viewer.kind === "organiser" ? null : viewer.bridgePointId,
        viewer.kind === "attendee" ? viewer.attendeeId : null,
      ])
    : [];
  return rows.flatMap((r) => {
    const mine = targets.filter((t) => t.documentId === r.id);
    const access = {
      audience: r.audience,
      classified: truthy(r.classified),
      published: true,
      groupIds: mine.map((t) => t.groupId).filter(present),
      bridgePointIds: mine.map((t) => t.bridgePointId).filter(present),
      attendeeIds: mine.map((t) => t.attendeeId).filter(present),
      hasFile: r.fileId !== null,
    };
    if (!canSee(access, viewer)) return [];
    return [
      {
        id: r.id,
        title: r.title,
        note: r.note,
        phase: r.phase,
        classified: access.classified,
        fileName: access.classified ? null : r.fileName,
        size: access.classified ? null : r.size === null ? null : Number(r.size),
        openable: canOpen(access, viewer),
      },
    ];
  });
}

/** The documents an invitation page lists, for an attendee already read (the page reads them in one statement). */
export function documentsForAttendee(a: AttendeeHolder): Promise<ListedDocument[]> {
  return a.revokedAt ? Promise.resolve([]) : listedFor(a.conferenceId, attendeeViewer(a));
}

/** The documents a bridge point's operator page lists. */
export function bridgeDocuments(b: { id: string; conferenceId: string }): Promise<ListedDocument[]> {
  return listedFor(b.conferenceId, { kind: "bridge", bridgePointId: b.id });
}

type Opener = { kind: "attendee"; attendeeId: string } | { kind: "bridge"; bridgePointId: string };

/**
 * The file of a document this viewer may open, with the view recorded (first open, count, last open) in
 * the same request; null whatever the reason (another conference, outside the audience, unpublished,
 * classified, revoked): the caller answers one 404 for all of them.
 */
export async function openDocument(opener: Opener, documentId: string, now = new Date()): Promise<FileData | null> {
  let conferenceId: string | undefined;
  let viewer: DocumentViewer;
  if (opener.kind === "attendee") {
    const a = await holderOf(opener.attendeeId);
    if (!a || a.revokedAt) return null;
    conferenceId = a.conferenceId;
    viewer = attendeeViewer(a);
  } else {
    const b = await prisma.bridgePoint.findUnique({
      where: { id: opener.bridgePointId },
      select: { conferenceId: true },
    });
    conferenceId = b?.conferenceId;
    viewer = { kind: "bridge", bridgePointId: opener.bridgePointId };
  }
  if (!conferenceId) return null;
  const row = await prisma.meetingDocument.findFirst({ where: { id: documentId, conferenceId }, select: accessSelect });
  if (!row?.fileId || !canOpen(accessOf(row), viewer)) return null;
  const file = await readFile(prisma, row.fileId);
  if (!file) return null;
  const who = opener.kind === "attendee" ? { attendeeId: opener.attendeeId } : { bridgePointId: opener.bridgePointId };
  const unique =
    opener.kind === "attendee"
      ? { documentId_attendeeId: { documentId, attendeeId: opener.attendeeId } }
      : { documentId_bridgePointId: { documentId, bridgePointId: opener.bridgePointId } };
  await upsertView(unique, { documentId, ...who, firstAt: now, lastAt: now }, now);
  return file;
}

async function upsertView(
  where: Prisma.DocumentViewWhereUniqueInput,
  create: Prisma.DocumentViewUncheckedCreateInput,
  now: Date,
): Promise<void> {
  const update = { count: { increment: 1 }, lastAt: now };
  try {
    await prisma.documentView.upsert({ where, create, update });
  } catch (error) {
    // Two first opens at once: the other one created the row; count this one on it.
    if ((error as { code?: string }).code !== "P2002") throw error;
    await prisma.documentView.update({ where, data: update });
  }
}
