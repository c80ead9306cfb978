import crypto from "node:crypto";
import Database from "better-sqlite3";

// Tells whether a request changed anything in the database: a digest of every table, read through a
// second, read-only connection. SQLite's data_version changes whenever another connection commits,
// so when it has not moved nothing was written and no digest needs computing.

export type Digest = ReadonlyMap<string, string>;

export class DatabaseWatch {
  private readonly db: Database.Database;
  private readonly tables: string[];
  private cached: { version: number; digest: Digest } | null = null;
  /** How many times the tables were read (for the test's timing line). */
  reads = 0;

  /** `ignore`: tables whose changes are not changes of the data (sessions, throttling counters). */
  constructor(file: string, ignore: readonly string[]) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.tables = (
      this.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .pluck()
        .all() as string[]
    ).filter((t) => !ignore.includes(t));
  }

  private version(): number {
    return this.db.pragma("data_version", { simple: true }) as number;
  }

  /** The digest of every watched table now (recomputed only when another connection committed). */
  digest(): Digest {
    const version = this.version();
    if (this.cached?.version === version) return this.cached.digest;
    const digest = new Map<string, string>();
    this.reads++;
    this.db.transaction(() => {
      for (const table of this.tables) {
        const hash = crypto.createHash("sha1");
        for (const row of this.db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw(true).iterate())
          hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("base64") : v)));
        digest.set(table, hash.digest("hex"));
      }
    })();
    this.cached = { version, digest };
    return digest;
  }

  /** Tables whose content differs from `before`. */
  changedSince(before: Digest): string[] {
    const now = this.digest();
    return [...now].filter(([t, h]) => before.get(t) !== h).map(([t]) => t);
  }

  close(): void {
    this.db.close();
  }
}
