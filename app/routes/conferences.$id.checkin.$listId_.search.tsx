import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { checkinScope, usableList } from "#app/checkin/lists.server.ts";
import { searchAttendees } from "#app/checkin/search.server.ts";

/** Attendees of the conference by name, for the scanner's fallback search (?q=, at least 2 characters). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await checkinScope(await requireConference(request, params.id, "attendance.take"));
  const list = await usableList(access, params.listId ?? "");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  // A bridge operator finds only the attendees of their bridge point.
  const scope = access.staff ? null : [list.bridgePointId!];
  const hits = await searchAttendees(access.conference.id, q, scope);
  // A resource route read by the scanner's fetch: a plain JSON Response (Remix 2 would serialize data()'s
  // wrapper itself here, not its body).
  return Response.json({ q, hits }, { headers: { "Cache-Control": "no-store" } });
}
