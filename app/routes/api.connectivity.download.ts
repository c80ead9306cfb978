import crypto from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { connectivityBridge, MAX_TEST_BYTES, NO_STORE } from "#app/bridges/connectivity.server.ts";

/** `bytes` random (incompressible) bytes, never cached, for the download throughput of a bridge point. */
export async function loader({ request }: LoaderFunctionArgs) {
  await connectivityBridge(request);
  const asked = Number(new URL(request.url).searchParams.get("bytes"));
  const bytes = Number.isFinite(asked) ? Math.max(1024, Math.min(MAX_TEST_BYTES, Math.floor(asked))) : 256 * 1024;
  return new Response(crypto.randomBytes(bytes), {
    headers: {
      ...NO_STORE,
      "Content-Type": "application/octet-stream",
      "Content-Length": String(bytes),
      "Content-Encoding": "identity",
    },
  });
}
