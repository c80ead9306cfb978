// What the organisers' documents page reads: every document with its audience named, its read count
// ("đã xem 37/52": distinct attendees of the audience who opened it / the audience's size, both counted
// in SQL with the same filter), the choices of the add form, and who opened one document (paged).
import { groupLabel } from "#app/conferences/naming.ts";
import { pickAttendees } from "#app/database/attendee-search.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/database/db.server.ts";
import { accessOf, accessSelect, audienceWhere } from "#app/meeting-documents/audience.server.ts";
import { documentsDeadlineWarning } from "#app/meeting-documents/deadline.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

/** Named attendees listed by name in the documents table; the others are counted. */
export const NAMED_SHOWN = 10;

export async function organiserDocuments(conferenceId: string) {
  const rows = await prisma.meetingDocument.findMany({
    where: { conferenceId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      ...accessSelect,
      title: true,
      note: true,
      phase: true,
      fileName: true,
      contentType: true,
      size: true,
      // Groups and bridge points are few; named attendees may be tens of thousands: the first few by name.
      targets: {
        where: { attendeeId: null },
        select: {
          groupId: true,
          bridgePointId: true,
          attendeeId: true,
          group: { select: { heading: true, position: true, lines: { select: { text: true }, take: 1 } } },
          bridgePoint: { select: { name: true } },
        },
      },
    },
  });
  // Documents for the same audience (most are for everyone) share one count of it.
  const sizes = new Map<string, Promise<number>>();
  const sizeOf = (who: Prisma.AttendeeWhereInput) => {
    const key = JSON.stringify(who);
    if (!sizes.has(key)) sizes.set(key, prisma.attendee.count({ where: who }));
    return sizes.get(key)!;
  };
  return Promise.all(
    rows.map(async (r) => {
      const who = audienceWhere(conferenceId, accessOf(r), r.id);
      const named = { documentId: r.id, attendeeId: { not: null } };
      const [audienceSize, viewers, bridgeViewers, namedCount, namedFirst] = await Promise.all([
        r.classified ? null : sizeOf(who),
        r.classified ? null : prisma.documentView.count({ where: { documentId: r.id, attendee: { is: who } } }),
        r.classified ? 0 : prisma.documentView.count({ where: { documentId: r.id, bridgePointId: { not: null } } }),
        prisma.meetingDocumentTarget.count({ where: named }),
        prisma.meetingDocumentTarget.findMany({
          where: named,
          orderBy: [{ attendee: { name: "asc" } }, { id: "asc" }],
          take: NAMED_SHOWN,
          select: { attendee: { select: { name: true } } },
        }),
      ]);
      const names = [
        ...r.targets.map((t) => (t.group ? groupLabel(t.group, t.group.position - 1) : (t.bridgePoint?.name ?? ""))),
        ...namedFirst.map((t) => t.attendee?.name ?? ""),
      ];
      return {
        id: r.id,
        title: r.title,
        note: r.note,
        phase: r.phase,
        audience: r.audience,
        classified: r.classified,
        fileName: r.fileName,
        size: r.size,
        publishedAt: r.publishedAt,
        published: r.publishedAt ? formatDateTime(r.publishedAt) : null,
        targetNames:
          namedCount > namedFirst.length ? [...names, `và ${namedCount - namedFirst.length} đại biểu khác`] : names,
        audienceSize,
        viewers,
        /** Bridge points whose operator opened it (not in the attendee count). */
        bridgeViewers,
      };
    }),
  );
}

export type OrganiserDocument = Awaited<ReturnType<typeof organiserDocuments>>[number];

/** The groups and bridge points the add form offers. */
export async function audienceChoices(conferenceId: string) {
  const [groups, bridges] = await Promise.all([
    prisma.attendeeGroup.findMany({
      where: { conferenceId },
      orderBy: { position: "asc" },
      select: { id: true, heading: true, lines: { orderBy: { position: "asc" }, take: 1, select: { text: true } } },
    }),
    prisma.bridgePoint.findMany({
      where: { conferenceId },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    groups: groups.map((g, i) => ({ id: g.id, label: groupLabel(g, i) })),
    bridges: bridges.map((b) => ({ id: b.id, label: b.name })),
  };
}

export const ATTENDEE_SEARCH_LIMIT = 20;

/** Attendees (not revoked) whose folded name, unit or e-mail holds every word of `q` (there may be thousands). */
export async function searchAttendees(conferenceId: string, q: string) {
  const { rows } = await pickAttendees(conferenceId, q, { limit: ATTENDEE_SEARCH_LIMIT });
  return rows.map((a) => ({ id: a.id, label: a.organizationName ? `${a.name} – ${a.organizationName}` : a.name }));
}

export const VIEWS_PAGE_SIZE = 50;

/** Who opened a document and when, newest first, one page at a time; null when it is not this conference's. */
export async function documentViews(conferenceId: string, documentId: string, page: number) {
  const doc = await prisma.meetingDocument.findFirst({
    where: { id: documentId, conferenceId },
    select: { id: true, title: true, classified: true, fileName: true },
  });
  if (!doc) return null;
  const where = { documentId };
  const [total, rows] = await Promise.all([
    prisma.documentView.count({ where }),
    prisma.documentView.findMany({
      where,
      orderBy: [{ lastAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * VIEWS_PAGE_SIZE,
      take: VIEWS_PAGE_SIZE,
      select: {
        id: true,
        firstAt: true,
        lastAt: true,
        count: true,
        attendee: { select: { name: true, organizationName: true } },
        bridgePoint: { select: { name: true } },
      },
    }),
  ]);
  return {
    doc,
    total,
    pages: Math.max(1, Math.ceil(total / VIEWS_PAGE_SIZE)),
    rows: rows.map((v) => ({
      id: v.id,
      who: v.attendee ? v.attendee.name : `Điểm cầu ${v.bridgePoint?.name ?? ""}`,
      unit: v.attendee?.organizationName ?? "",
      firstAt: v.firstAt,
      lastAt: v.lastAt,
      count: v.count,
    })),
  };
}

/** The organisers' download: any document of the conference that has a file. */
export async function organiserFile(conferenceId: string, documentId: string) {
  const doc = await prisma.meetingDocument.findFirst({
    where: { id: documentId, conferenceId, fileId: { not: null } },
    select: { file: { select: { name: true, contentType: true, bytes: true } } },
  });
  return doc?.file ? { ...doc.file, bytes: Buffer.from(doc.file.bytes) } : null;
}

/**
 * The organisers' page: the documents with their counts, the add form's choices, and the
 * three-working-day warning while documents of the BEFORE phase wait to be published.
 */
export async function documentsPage(conferenceId: string, now = new Date()) {
  const [documents, choices, conference] = await Promise.all([
    organiserDocuments(conferenceId),
    audienceChoices(conferenceId),
    prisma.conference.findUniqueOrThrow({ where: { id: conferenceId }, select: { startsAt: true } }),
  ]);
  const pending = documents.length === 0 || documents.some((d) => !d.publishedAt && d.phase === "BEFORE");
  return { documents, choices, warning: pending ? documentsDeadlineWarning(conference.startsAt, now) : null };
}
