// The check-in benchmarks' data (bench/checkin.ts, bench/import.ts): a seeded database, SQLite or
// PostgreSQL, whose first conference has `attendees` people with genuine signed invitations, and the
// admin's session a scanner credential is bound to.
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { encodeScannerCredential } from "#app/checkin/credential.server.ts";
import { createPrismaClient } from "#app/database/client.server.ts";
import { migratePostgres } from "#app/database/migrate-pg.server.ts";
import { migrateDatabase } from "#app/database/migrate.server.ts";
import { isPostgresUrl, parseEnv } from "#app/env.server.ts";
import { conferenceKeyFor, deriveSigningKeys, issueToken } from "#app/invitations/tokens.server.ts";
import { seedDatabase } from "#prisma/seed-runner.ts";

/** PostgreSQL run: the server DATABASE_URL names (any database there; the role needs CREATEDB). */
export const PG_SERVER =
  process.env.DATABASE_URL && isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : null;

export function pgDatabaseUrl(name: string): string {
  const u = new URL(PG_SERVER!);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function onPgServer(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_SERVER! });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** The bench's database access, either kind: `?` placeholders (PostgreSQL: $1, $2 …). */
export interface BenchDb {
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function openBenchDb(url: string): BenchDb {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    return {
      all: async <T>(sql: string, ...params: unknown[]) => {
        let n = 0;
        const r = await pool.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        );
        return r.rows as T[];
      },
      close: () => pool.end(),
    };
  }
  const db = new Database(url.replace(/^file:/, ""));
  return {
    all: async <T>(sql: string, ...params: unknown[]) => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    },
    close: async () => {
      db.close();
    },
  };
}

export async function prepareScanDatabase(
  url: string,
  attendees: number,
): Promise<{ conferenceId: string; userId: string; sessionId: string; tokens: string[] }> {
  if (isPostgresUrl(url)) await migratePostgres(url);
  else migrateDatabase(url.replace(/^file:/, ""));
  const prisma = createPrismaClient(url);
  let sessionId: string;
  try {
    await seedDatabase(prisma, { password: "hoinghi-demo" });
    // Scanner credentials are bound to a sign-in session (issue 10): the admin's, as after signing in.
    const admin = await prisma.user.findUniqueOrThrow({
      where: { email: "admin@hoinghi.local" },
      select: { id: true },
    });
    sessionId = (
      await prisma.session.create({
        data: { userId: admin.id, expiresAt: new Date(Date.now() + 86_400_000) },
        select: { id: true },
      })
    ).id;
  } finally {
    await prisma.$disconnect();
  }
  const db = openBenchDb(url);
  try {
    const [conference] = await db.all<{ id: string }>(
      `SELECT "id" FROM "Conference" WHERE "kind" = 'CONFERENCE' AND "status" != 'CANCELLED' ORDER BY "createdAt" LIMIT 1`,
    );
    const [user] = await db.all<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = 'admin@hoinghi.local'`);
    // The server runs with the demo secret (as `npm run demo`); sign with the same.
    const keys = deriveSigningKeys(parseEnv({ ALLOW_DEMO_CREDENTIALS: "true" }).SESSION_SECRET);
    const ck = conferenceKeyFor(conference!.id);
    const tokens: string[] = [];
    // Prisma's text form of DateTime on each database.
    const now = isPostgresUrl(url) ? new Date().toISOString().slice(0, -1) : new Date().toISOString();
    const rows: unknown[][] = [];
    for (let i = 0; i < attendees; i++) {
      const { token, invitationKey } = issueToken(keys, ck);
      rows.push([
        `bench${i}`,
        conference!.id,
        `Đại biểu ${i}`,
        "Chuyên viên",
        "UBND xã",
        `bench${i}@example.vn`,
        token,
        invitationKey,
        now,
      ]);
      tokens.push(token);
    }
    for (let at = 0; at < rows.length; at += 500) {
      const chunk = rows.slice(at, at + 500);
      await db.all(
        `INSERT INTO "Attendee" ("id", "conferenceId", "name", "position", "organizationName", "email", "token", "invitationKey", "createdAt") VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
        ...chunk.flat(),
      );
    }
    return { conferenceId: conference!.id, userId: user!.id, sessionId, tokens };
  } finally {
    await db.close();
  }
}

/** A database name on the PostgreSQL server, unique to this run. */
export const PG_PREFIX = `hoinghi_bench_${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;

/** The Authorization header of a scanner signed in as the admin, for an hour. */
export function scannerAuth(conferenceId: string, userId: string, sessionId: string) {
  const credential = encodeScannerCredential(parseEnv({ ALLOW_DEMO_CREDENTIALS: "true" }).SESSION_SECRET, {
    conferenceId,
    listId: null,
    userId,
    sessionId,
    issuedAt: Date.now(),
    expiresAt: Date.now() + 3_600_000,
  });
  return { authorization: `Bearer ${credential}` };
}
