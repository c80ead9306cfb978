import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { pgPool } from "#app/database/pg-pool.server.ts";
import { isPostgresUrl, sqlitePath } from "#app/env.server.ts";
import { PrismaClient } from "#app/generated/prisma/client.ts";
import { PrismaClient as PgPrismaClient } from "#app/generated/prisma-pg/client.ts";

// SQLite (3.32 and later; better-sqlite3 12 ships 3.5x) accepts 32,766 bound parameters per statement.
// The better-sqlite3 adapter does not say so, and Prisma then assumes the old limit of 999 and refuses
// (P2029) any relation it would load for more parents than that — the attendee list of a conference
// with a thousand invitees, the readiness board of a nation-wide one.
const SQLITE_MAX_VARIABLES = 32_766;

class SqliteAdapterFactory extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    return Object.assign(adapter, {
      getConnectionInfo: () => ({ maxBindValues: SQLITE_MAX_VARIABLES, supportsRelationJoins: false }),
    });
  }
}

/**
 * The Prisma client for DATABASE_URL: SQLite for file:…, PostgreSQL for postgresql://…. Both clients are
 * generated from one model (prisma/schema.prisma and the PostgreSQL schema derived from it) and have the
 * same API; the app is typed against the SQLite one.
 */
export function createPrismaClient(url: string): PrismaClient {
  if (isPostgresUrl(url)) {
    const client = new PgPrismaClient({ adapter: new PrismaPg(pgPool(url)) });
    return client as unknown as PrismaClient;
  }
  const adapter = new SqliteAdapterFactory({ url: `file:${sqlitePath(url)}` });
  return new PrismaClient({ adapter });
}
