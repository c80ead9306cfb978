// The printable roll-call list: a "□ Có mặt □ Vắng" box per attendee, read and drawn a chunk at a time.
import { attendancePlaces } from "#app/attendance/figures.server.ts";
import { reportSections } from "#app/attendance/report-rows.server.ts";
import { renderRollCallSheet } from "#app/attendance/sheets-pdf.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { prisma } from "#app/database/db.server.ts";
import { invitationConference } from "#app/invitations/attendees.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

/** Told how many of the document's `total` attendees have been drawn so far. */
export type RowProgress = (done: number, total: number) => void;

/** Passes `chunks` through, telling `onRows` how many rows have gone by. */
async function* countedChunks<T>(chunks: AsyncIterable<T[]>, onRows: (rows: number) => void) {
  for await (const rows of chunks) {
    yield rows;
    onRows(rows.length);
  }
}

/**
 * One running count over a document's chunked groups: the total is told before the first row is drawn
 * (a job's total starts at 1), then the rows drawn so far, whichever group they come from.
 */
export function rowCounter(total: number, progress?: RowProgress) {
  let done = 0;
  progress?.(0, total);
  return <T>(chunks: AsyncIterable<T[]>): AsyncIterable<T[]> =>
    progress ? countedChunks(chunks, (n) => progress((done += n), total)) : chunks;
}

/** The roll-call sheet's PDF, or null while the conference has no attendees. */
export async function rollCallSheetPdf(conferenceId: string, progress?: RowProgress): Promise<Buffer | null> {
  const c = await invitationConference(conferenceId);
  const { groups, bridges } = attendancePlaces(c);
  const [sections, org] = await Promise.all([
    reportSections(c.id, groups, bridges),
    prisma.organization.findUniqueOrThrow({ where: { id: c.organizationId }, select: { documentName: true } }),
  ]);
  if (!sections.length) return null;
  const counted = rowCounter(
    sections.reduce((n, s) => n + s.count, 0),
    progress,
  );
  return renderRollCallSheet({
    issuingBody: org.documentName,
    meeting: meetingName(c.title),
    when: c.startsAt ? formatDateTime(c.startsAt) : "",
    groups: sections.map((s) => ({
      label: s.label,
      count: s.count,
      chunks: (async function* () {
        for await (const rows of counted(s.chunks))
          yield rows.map((r) => ({
            name: r.name,
            position: r.position,
            organization: r.organization,
            site: r.invitedAt,
          }));
      })(),
    })),
  });
}
