// Everything the scanner page is rendered with: the list, its counter, a scanner credential bound to the
// sign-in session, the keys for offline checks and the groups a walk-in may join.

import { issueScannerCredential } from "#app/checkin/credential.server.ts";
import { listCounts, type CheckinScope, type usableList } from "#app/checkin/lists.server.ts";
import { offlineKeys } from "#app/checkin/search.server.ts";
import { groupLabel } from "#app/conferences/naming.ts";
import { prisma } from "#app/database/db.server.ts";

export async function scannerPage(
  access: CheckinScope,
  list: Awaited<ReturnType<typeof usableList>>,
  who: { userId: string; sessionId: string },
) {
  const conferenceId = access.conference.id;
  const [counts, keys, groups] = await Promise.all([
    listCounts(conferenceId, [list]),
    offlineKeys(conferenceId),
    prisma.attendeeGroup.findMany({
      where: { conferenceId },
      orderBy: { position: "asc" },
      select: { id: true, heading: true, lines: { orderBy: { position: "asc" }, select: { text: true } } },
    }),
  ]);
  return {
    conference: {
      id: conferenceId,
      title: access.conference.title,
      cancelled: access.conference.status === "CANCELLED",
    },
    list: { id: list.id, name: list.name, bridgePointName: list.bridgePoint?.name ?? null },
    counts: counts.get(list.id)!,
    credential: issueScannerCredential({ conferenceId, listId: list.id, userId: who.userId, sessionId: who.sessionId }),
    keys,
    groups: groups.map((g, i) => ({ id: g.id, label: groupLabel(g, i) })),
  };
}
