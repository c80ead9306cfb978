import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { checkinScope, listCounts, usableList } from "#app/checkin/lists.server.ts";
import { revokedKeys } from "#app/checkin/search.server.ts";

/**
 * "x / y đã có mặt" of one check-in list, and the revoked invitations for offline checks; polled by the
 * scanner while online.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await checkinScope(await requireConference(request, params.id, "attendance.take"));
  const list = await usableList(access, params.listId ?? "");
  const [counts, revoked] = await Promise.all([
    listCounts(access.conference.id, [list]),
    revokedKeys(access.conference.id),
  ]);
  // A resource route read by the scanner's fetch: a plain JSON Response (Remix 2 would serialize data()'s
  // wrapper itself here, not its body).
  return Response.json({ ...counts.get(list.id)!, revokedKeys: revoked }, { headers: { "Cache-Control": "no-store" } });
}
