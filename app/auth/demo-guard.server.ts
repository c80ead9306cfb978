import Database from "better-sqlite3";
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, verifyPassword } from "./password.server.ts";

/** True when the demo administrator can still sign in with the published demo password. */
export async function demoCredentialsInUse(sqliteFile: string): Promise<boolean> {
  const db = new Database(sqliteFile, { readonly: true });
  try {
    const row = db
      .prepare(`SELECT p.hash FROM "User" u JOIN "Password" p ON p.userId = u.id WHERE u.email = ? AND u.active = 1`)
      .get(DEMO_ADMIN_EMAIL) as { hash: string } | undefined;
    return row ? verifyPassword(row.hash, DEMO_PASSWORD) : false;
  } finally {
    db.close();
  }
}
