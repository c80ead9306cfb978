import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { packetJob } from "~/documents/packet-jobs.server.ts";
import { getConference } from "~/plans/plans.server.ts";

/** Progress of the packet being built, polled by the packet page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const c = await getConference(user, params.id ?? "");
  return Response.json(packetJob(c.id) ?? null, { headers: { "Cache-Control": "no-store" } });
}
