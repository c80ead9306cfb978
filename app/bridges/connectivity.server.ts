import { getUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { bridgeIdByKey, mayOperate } from "#app/bridges/access.server.ts";

/** Largest test payload, both ways. */
export const MAX_TEST_BYTES = 8 * 1024 * 1024;

export const NO_STORE = { "Cache-Control": "no-store, no-cache, must-revalidate", Pragma: "no-cache" } as const;

function notFound(): never {
  throw new Response("Không tìm thấy điểm cầu.", { status: 404, headers: NO_STORE });
}

/**
 * The bridge point a connectivity request measures: `?k=<accessKey>` (the operator's link), or
 * `?b=<bridge id>` for a signed-in user allowed on that bridge. Anything else is a 404.
 */
export async function connectivityBridge(request: Request): Promise<string> {
  const url = new URL(request.url);
  const key = url.searchParams.get("k");
  if (key) return (await bridgeIdByKey(key)) ?? notFound();
  const id = url.searchParams.get("b");
  if (!id) notFound();
  const user = await getUser(request);
  if (!user) notFound();
  const bridge = await prisma.bridgePoint.findUnique({
    where: { id },
    select: { hostOrganizationId: true, conference: { select: { organizationId: true } } },
  });
  if (!bridge || !(await mayOperate(user, bridge))) notFound();
  return id;
}

/** Reads and discards a request body up to `cap` bytes; null when it is larger. */
export async function discardBody(request: Request, cap: number): Promise<number | null> {
  if (!request.body) return 0;
  const reader = request.body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
    if (bytes > cap) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
  }
}
