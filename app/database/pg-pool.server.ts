import pg from "pg";

// One connection pool per process and database URL, shared by Prisma's PostgreSQL adapter and the raw
// SQL paths (check-in, outbox claims), so a process never holds more connections than PG_POOL_SIZE.

const g = globalThis as unknown as { pgPools?: Map<string, pg.Pool> };

export function pgPool(url: string): pg.Pool {
  g.pgPools ??= new Map();
  let pool = g.pgPools.get(url);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.PG_POOL_SIZE ?? 10),
      // A connection the server dropped (restart, failover) is replaced on the next query.
      idleTimeoutMillis: 30_000,
    });
    // An idle client that loses its server emits here; without a listener that would end the process.
    pool.on("error", (error) => console.warn("postgresql:", error.message));
    g.pgPools.set(url, pool);
  }
  return pool;
}

/** Closes the pools (tests, scripts that exit). */
export async function closePgPools(): Promise<void> {
  const pools = [...(g.pgPools?.values() ?? [])];
  g.pgPools?.clear();
  await Promise.all(pools.map((p) => p.end()));
}

/**
 * A UTC instant as PostgreSQL's `timestamp(3)` (without time zone) holds it, the way Prisma writes
 * DateTime: the UTC clock time with no offset (an offset would be dropped, not applied, by the cast).
 */
export function pgTime(d: Date): string {
  return d.toISOString().slice(0, -1);
}

/** Reads a `timestamp` value that a raw query selected as text (`"col"::text`) back as the UTC instant. */
export function fromPgTime(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}
