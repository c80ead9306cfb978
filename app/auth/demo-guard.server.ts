import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, sqlitePath } from "#app/env.server.ts";
import { users as seededUsers } from "#prisma/seed-data/organizations.ts";
import { DEMO_PASSWORD, verifyPassword } from "#app/auth/password.server.ts";

// Accounts seeded before User.isDemo existed were not marked, so the seed's own e-mail addresses
// count as demo accounts too.
const SEEDED_EMAILS = seededUsers.map((u) => u.email);

/**
 * The active demo accounts that can still sign in with the published demo password, by e-mail.
 * The seed gives every account the same hash, so each distinct hash is verified once. Sorted by code
 * point (not by the database's collation, which differs between SQLite and PostgreSQL).
 */
export async function demoAccountsWithDemoPassword(databaseUrl: string): Promise<string[]> {
  const rows = (await demoAccountHashes(databaseUrl)).sort((a, b) =>
    a.email < b.email ? -1 : a.email > b.email ? 1 : 0,
  );
  const verdicts = new Map<string, Promise<boolean>>();
  for (const { hash } of rows) if (!verdicts.has(hash)) verdicts.set(hash, verifyPassword(hash, DEMO_PASSWORD));
  const open: string[] = [];
  for (const { email, hash } of rows) if (await verdicts.get(hash)) open.push(email);
  return open;
}

type AccountHash = { email: string; hash: string };

// Read before the server starts, with a connection of its own that is closed at once (npm start then
// hands over to the server process and keeps nothing open).
async function demoAccountHashes(databaseUrl: string): Promise<AccountHash[]> {
  if (isPostgresUrl(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const result = await client.query<AccountHash>(
        `SELECT u."email", p."hash" FROM "User" u JOIN "Password" p ON p."userId" = u."id"
         WHERE u."active" AND (u."isDemo" OR u."email" = ANY($1::text[]))`,
        [SEEDED_EMAILS],
      );
      return result.rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(sqlitePath(databaseUrl), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT u.email, p.hash FROM "User" u JOIN "Password" p ON p.userId = u.id
         WHERE u.active = 1 AND (u.isDemo = 1 OR u.email IN (SELECT value FROM json_each(?)))`,
      )
      .all(JSON.stringify(SEEDED_EMAILS)) as AccountHash[];
  } finally {
    db.close();
  }
}

/** True when any demo account can still sign in with the published demo password. */
export async function demoCredentialsInUse(databaseUrl: string): Promise<boolean> {
  return (await demoAccountsWithDemoPassword(databaseUrl)).length > 0;
}

/** The Vietnamese refusal naming the accounts (the first few and how many in all). */
export function demoCredentialsMessage(emails: string[], shown = 5): string {
  const listed = emails.slice(0, shown).join(", ");
  const more = emails.length > shown ? ` và ${emails.length - shown} tài khoản khác` : "";
  return (
    `${emails.length} tài khoản mẫu còn dùng mật khẩu mẫu: ${listed}${more}. ` +
    `Đổi mật khẩu hoặc khóa các tài khoản này trước khi chạy production, ` +
    `hoặc đặt ALLOW_DEMO_CREDENTIALS=true nếu đây là bản chạy thử.`
  );
}
