import Database from "better-sqlite3";
import pg from "pg";

// Direct SQL on the test file's own database, whichever it is (SQLite file or PostgreSQL clone), for tests
// that look under the app (counting rows, forcing a state). Write SQL with `?` placeholders and quoted
// identifiers; on PostgreSQL they become $1, $2, …. Dates given as parameters are written the way Prisma
// stores DateTime on each database; `timestamp` columns read back as Date on both (SQLite's ISO text is
// parsed when the column name ends in "At"). Booleans: compare with `= true/false`
// on both (SQLite knows TRUE/FALSE as 1/0).

export type Row = Record<string, unknown>;

export interface TestDb {
  kind: "sqlite" | "postgresql";
  all<T = Row>(sql: string, ...params: unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  /** Runs a write; returns the number of rows it changed. */
  run(sql: string, ...params: unknown[]): Promise<number>;
  /** The single number a `SELECT COUNT(*) AS n …` returns. */
  count(sql: string, ...params: unknown[]): Promise<number>;
  close(): Promise<void>;
}

function toPlaceholders(sql: string): string {
  let n = 0;
  // `?` outside quoted strings only.
  return sql.replace(/'(?:[^']|'')*'|\?/g, (m) => (m === "?" ? `$${++n}` : m));
}

const sqliteParam = (v: unknown) =>
  v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? (v ? 1 : 0) : v;
const pgParam = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, -1) : v);

// timestamp without time zone holds UTC clock time (as Prisma writes it): read it as UTC, not local time.
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 1114
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : oid === 20
        ? (text: string) => Number(text)
        : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function sqliteRow<T>(row: unknown): T {
  if (!row || typeof row !== "object") return row as T;
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = typeof v === "string" && /At$/.test(k) && /^\d{4}-\d\d-\d\dT/.test(v) ? new Date(v) : v;
  }
  return out as T;
}

export function openTestDb(url = process.env.DATABASE_URL!): TestDb {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const query = (sql: string, params: unknown[]) =>
      pool.query({ text: toPlaceholders(sql), values: params.map(pgParam), types: pgTypes });
    return {
      kind: "postgresql",
      all: async <T>(sql: string, ...params: unknown[]) => (await query(sql, params)).rows as T[],
      get: async <T>(sql: string, ...params: unknown[]) => (await query(sql, params)).rows[0] as T | undefined,
      run: async (sql, ...params) => (await query(sql, params)).rowCount ?? 0,
      count: async (sql, ...params) => Number(Object.values((await query(sql, params)).rows[0] as Row)[0]),
      close: () => pool.end(),
    };
  }
  const db = new Database(url.replace(/^file:/, ""), { timeout: 10_000 });
  return {
    kind: "sqlite",
    all: async <T>(sql: string, ...params: unknown[]) =>
      db
        .prepare(sql)
        .all(...params.map(sqliteParam))
        .map((r) => sqliteRow<T>(r)),
    get: async <T>(sql: string, ...params: unknown[]) => sqliteRow<T>(db.prepare(sql).get(...params.map(sqliteParam))),
    run: async (sql, ...params) => db.prepare(sql).run(...params.map(sqliteParam)).changes,
    count: async (sql, ...params) => Number(Object.values(db.prepare(sql).get(...params.map(sqliteParam)) as Row)[0]),
    close: async () => {
      db.close();
    },
  };
}

/**
 * Inserts many rows a statement at a time (as many as keep a statement under 20,000 bound values): a
 * hundred thousand rows in a few hundred round trips on either database. `row` is one row's
 * placeholders, e.g. `(?, ?, ?::"RsvpStatus")`.
 */
export async function insertRows(db: TestDb, head: string, row: string, rows: unknown[][]): Promise<void> {
  const per = Math.max(1, Math.floor(20_000 / (rows[0]?.length ?? 1)));
  for (let at = 0; at < rows.length; at += per) {
    const chunk = rows.slice(at, at + per);
    await db.run(`${head} VALUES ${chunk.map(() => row).join(", ")}`, ...chunk.flat());
  }
}
