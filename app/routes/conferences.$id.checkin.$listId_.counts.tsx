import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { checkinAccess, listCounts, usableList } from "~/checkin/lists.server.ts";

/** "x / y đã có mặt" of one check-in list, polled by the scanner page while online. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await checkinAccess(user, params.id ?? "");
  const list = await usableList(access, params.listId ?? "");
  const counts = (await listCounts(access.conference.id, [list])).get(list.id)!;
  return Response.json(counts, { headers: { "Cache-Control": "no-store" } });
}
