import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { checkinScope, searchAttendees, usableList } from "#app/checkin/lists.server.ts";

/** Attendees of the conference by name, for the scanner's fallback search (?q=, at least 2 characters). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await checkinScope(await requireConference(request, params.id, "attendance.take"));
  const list = await usableList(access, params.listId ?? "");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  // A bridge operator finds only the attendees of their bridge point.
  const scope = access.staff ? null : [list.bridgePointId!];
  const hits = await searchAttendees(access.conference.id, q, scope);
  return Response.json({ q, hits }, { headers: { "Cache-Control": "no-store" } });
}
