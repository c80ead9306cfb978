import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { sqlitePath } from "#app/env.server.ts";
import { PrismaClient } from "#app/generated/prisma/client.ts";

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

export function createPrismaClient(url: string): PrismaClient {
  const adapter = new SqliteAdapterFactory({ url: `file:${sqlitePath(url)}` });
  return new PrismaClient({ adapter });
}
