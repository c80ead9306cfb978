// Read-only SQL for the pages opened by thousands of people within minutes (the invitation page under a
// burst): a Prisma statement costs 0.2–0.8 ms of CPU here, the same statement through better-sqlite3
// 0.01–0.03 ms. One statement text serves both databases: `?` placeholders (numbered for PostgreSQL) and
// times selected through `timeText(col)`, read back with `instantOf`.
import Database from "better-sqlite3";
import { env, isPostgresUrl, sqlitePath } from "#app/env.server.ts";
import { fromPgTime, pgPool } from "#app/database/pg-pool.server.ts";

type Row = Record<string, unknown>;

interface SqliteReader {
  file: string;
  db: Database.Database;
  statements: Map<string, Database.Statement<unknown[], Row>>;
}

const g = globalThis as unknown as { rawReader?: SqliteReader };

// A connection of its own (WAL: readers never wait for the writer), kept across reloads; its statements
// are prepared once each.
function sqliteReader(): SqliteReader {
  const file = sqlitePath(env().DATABASE_URL);
  if (g.rawReader?.file === file) return g.rawReader;
  g.rawReader?.db.close();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  g.rawReader = { file, db, statements: new Map() };
  return g.rawReader;
}

const pgTexts = new Map<string, string>();

function pgText(sql: string): string {
  let text = pgTexts.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    pgTexts.set(sql, text);
  }
  return text;
}

/** True when DATABASE_URL names a PostgreSQL server. */
const onPostgres = () => isPostgresUrl(env().DATABASE_URL);

/** A time column as text on both databases (SQLite keeps ISO text already), for `instantOf`. */
export function timeText(column: string): string {
  return onPostgres() ? `${column}::text` : column;
}

/** A time column read through `timeText` as the instant it holds. */
export function instantOf(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return onPostgres() ? fromPgTime(text) : new Date(text);
}

/** Booleans come back as 0/1 from SQLite, true/false from PostgreSQL. */
export const truthy = (value: unknown): boolean => value === true || value === 1;

/** The rows of one read-only statement. */
export async function readRows<T extends Row>(sql: string, params: unknown[] = []): Promise<T[]> {
  if (onPostgres()) {
    const result = await pgPool(env().DATABASE_URL).query(pgText(sql), params);
    return result.rows as T[];
  }
  const reader = sqliteReader();
  let statement = reader.statements.get(sql);
  if (!statement) {
    statement = reader.db.prepare<unknown[], Row>(sql);
    reader.statements.set(sql, statement);
  }
  return statement.all(...params) as T[];
}

/** Closes the SQLite reader (shutdown, tests). */
export function closeRawReader(): void {
  g.rawReader?.db.close();
  g.rawReader = undefined;
}
