import { prisma } from "#app/database/db.server.ts";
import { env } from "#app/env.server.ts";
import { newBridgeKey } from "#app/bridges/keys.server.ts";

// A bridge point's keys and the links made from them: the operator's page (/b/:key), the poster (/d/:key).

/** The operator's link of a bridge point. */
export function operatorLink(accessKey: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/b/${accessKey}`;
}

/** Gives every bridge point of the conference (or these ids) its access and poster keys, when missing. */
export async function ensureKeys(where: { conferenceId: string } | { ids: string[] }): Promise<void> {
  const base = "conferenceId" in where ? { conferenceId: where.conferenceId } : { id: { in: where.ids } };
  const missing = await prisma.bridgePoint.findMany({
    where: { ...base, OR: [{ accessKey: null }, { posterKey: null }] },
    select: { id: true, accessKey: true, posterKey: true },
  });
  for (const b of missing) {
    // Only fills a key that is still empty, so two requests at once cannot overwrite each other's link.
    if (!b.accessKey)
      await prisma.bridgePoint.updateMany({
        where: { id: b.id, accessKey: null },
        data: { accessKey: newBridgeKey() },
      });
    if (!b.posterKey)
      await prisma.bridgePoint.updateMany({
        where: { id: b.id, posterKey: null },
        data: { posterKey: newBridgeKey() },
      });
  }
}
