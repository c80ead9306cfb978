import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { checkinAccess, listCounts, revokedKeys, usableList } from "~/checkin/lists.server.ts";

/** "x / y đã có mặt" of one check-in list, and the revoked invitations for offline checks; polled by the scanner while online. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await checkinAccess(user, params.id ?? "");
  const list = await usableList(access, params.listId ?? "");
  const [counts, revoked] = await Promise.all([listCounts(access.conference.id, [list]), revokedKeys(access.conference.id)]);
  return Response.json({ ...counts.get(list.id)!, revokedKeys: revoked }, { headers: { "Cache-Control": "no-store" } });
}
