import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { packetJob } from "#app/documents/packet-jobs.server.ts";
import { getConference } from "#app/plans/plans.server.ts";

/** Progress of the packet being built (on whichever instance runs it), polled by the packet page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const c = await getConference(conference.id);
  return Response.json(await packetJob(c.id), { headers: { "Cache-Control": "no-store" } });
}
