import crypto from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";

// Tells whether a request changed anything in the database: a digest of every table, read through a
// second connection of its own (committed data only). The digest is recomputed only when a cheap
// marker says another connection may have written: SQLite's data_version (moves whenever another
// connection commits to the file) or, on PostgreSQL, the server's current snapshot (the next
// transaction id and those still running: a transaction that writes gets an id, and its commit takes it
// off the running list, so when the snapshot has not moved nothing was written; other databases of the
// same server move it too, which costs a needless digest, never a missed write).

export type Digest = ReadonlyMap<string, string>;

interface Source {
  marker(): Promise<string>;
  /** The digest of each table. */
  read(): Promise<Map<string, string>>;
  close(): Promise<void>;
}

export class DatabaseWatch {
  private cached: { marker: string; digest: Digest } | null = null;
  /** How many times the tables were read (for the test's timing line). */
  reads = 0;

  private constructor(private readonly source: Source) {}

  /**
   * Watches the database a DATABASE_URL names (SQLite file or PostgreSQL). `ignore`: tables whose
   * changes are not changes of the data (sessions, throttling counters).
   */
  static async open(url: string, ignore: readonly string[]): Promise<DatabaseWatch> {
    return new DatabaseWatch(/^postgres(ql)?:\/\//.test(url) ? await pgSource(url, ignore) : sqliteSource(url, ignore));
  }

  /** The digest of every watched table now (recomputed only when another connection may have committed). */
  async digest(): Promise<Digest> {
    const marker = await this.source.marker();
    if (this.cached?.marker === marker) return this.cached.digest;
    this.reads++;
    const digest = await this.source.read();
    this.cached = { marker, digest };
    return digest;
  }

  /** Tables whose content differs from `before`. */
  async changedSince(before: Digest): Promise<string[]> {
    const now = await this.digest();
    return [...now].filter(([t, h]) => before.get(t) !== h).map(([t]) => t);
  }

  close(): Promise<void> {
    return this.source.close();
  }
}

function sqliteSource(url: string, ignore: readonly string[]): Source {
  const db = new Database(url.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((t) => !ignore.includes(t));
  return {
    marker: async () => String(db.pragma("data_version", { simple: true })),
    read: async () => {
      const digest = new Map<string, string>();
      db.transaction(() => {
        for (const table of tables) {
          const hash = crypto.createHash("sha1");
          for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw(true).iterate())
            hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("base64") : v)));
          digest.set(table, hash.digest("hex"));
        }
      })();
      return digest;
    },
    close: async () => {
      db.close();
    },
  };
}

async function pgSource(url: string, ignore: readonly string[]): Promise<Source> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables = (
    await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).rows
    .map((r) => r.name)
    .filter((t) => !ignore.includes(t));
  // One statement, so every table is read in the same snapshot. Rows in their text form, in a fixed
  // order (byte order, not the database's collation).
  const sql = tables
    .map(
      (t) =>
        `SELECT '${t}' AS t, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text COLLATE "C"), '')) AS h FROM "${t}" x`,
    )
    .join("\nUNION ALL\n");
  return {
    marker: async () => (await client.query<{ m: string }>(`SELECT pg_current_snapshot()::text AS m`)).rows[0]!.m,
    read: async () => new Map((await client.query<{ t: string; h: string }>(sql)).rows.map((r) => [r.t, r.h])),
    close: () => client.end(),
  };
}
