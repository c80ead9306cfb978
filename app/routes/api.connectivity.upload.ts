import type { ActionFunctionArgs } from "@remix-run/node";
import { connectivityBridge, discardBody, MAX_TEST_BYTES, NO_STORE } from "#app/bridges/connectivity.server.ts";

// A resource route that answers the connectivity client's fetch (app/bridges/connectivity-client.ts) in JSON with
// no-store headers; no form posts here, so Response.json stays (reply() carries no headers).

/** Reads and discards an upload (at most 8 MB) and answers how many bytes arrived. */
export async function action({ request }: ActionFunctionArgs) {
  await connectivityBridge(request);
  if (request.method !== "POST") return new Response("Chỉ nhận POST.", { status: 405, headers: NO_STORE });
  const bytes = await discardBody(request, MAX_TEST_BYTES + 64 * 1024);
  if (bytes === null)
    return Response.json(
      { ok: false, error: "Dữ liệu thử quá lớn (tối đa 8 MB)." },
      { status: 413, headers: NO_STORE },
    );
  return Response.json({ ok: true, bytes }, { headers: NO_STORE });
}

export async function loader({ request }: ActionFunctionArgs) {
  await connectivityBridge(request);
  return new Response("Chỉ nhận POST.", { status: 405, headers: NO_STORE });
}
