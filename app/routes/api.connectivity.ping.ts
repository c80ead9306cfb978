import type { LoaderFunctionArgs } from "@remix-run/node";
import { connectivityBridge, NO_STORE } from "#app/bridges/connectivity.server.ts";

/** A tiny answer for round-trip times (latency, jitter, loss) of a bridge point's link. */
export async function loader({ request }: LoaderFunctionArgs) {
  await connectivityBridge(request);
  return Response.json({ ok: true, t: Date.now() }, { headers: NO_STORE });
}
