import Database from "better-sqlite3";
import { users as seededUsers } from "#prisma/seed-data/organizations.ts";
import { DEMO_PASSWORD, verifyPassword } from "#app/auth/password.server.ts";

// Accounts seeded before User.isDemo existed were not marked, so the seed's own e-mail addresses
// count as demo accounts too.
const SEEDED_EMAILS = seededUsers.map((u) => u.email);

/**
 * The active demo accounts that can still sign in with the published demo password, by e-mail.
 * The seed gives every account the same hash, so each distinct hash is verified once.
 */
export async function demoAccountsWithDemoPassword(sqliteFile: string): Promise<string[]> {
  const db = new Database(sqliteFile, { readonly: true });
  let rows: Array<{ email: string; hash: string }>;
  try {
    rows = db
      .prepare(
        `SELECT u.email, p.hash FROM "User" u JOIN "Password" p ON p.userId = u.id
         WHERE u.active = 1 AND (u.isDemo = 1 OR u.email IN (SELECT value FROM json_each(?)))
         ORDER BY u.email`,
      )
      .all(JSON.stringify(SEEDED_EMAILS)) as Array<{ email: string; hash: string }>;
  } finally {
    db.close();
  }
  const verdicts = new Map<string, Promise<boolean>>();
  for (const { hash } of rows) if (!verdicts.has(hash)) verdicts.set(hash, verifyPassword(hash, DEMO_PASSWORD));
  const open: string[] = [];
  for (const { email, hash } of rows) if (await verdicts.get(hash)) open.push(email);
  return open;
}

/** True when any demo account can still sign in with the published demo password. */
export async function demoCredentialsInUse(sqliteFile: string): Promise<boolean> {
  return (await demoAccountsWithDemoPassword(sqliteFile)).length > 0;
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
