import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isPostgresUrl } from "#app/env.server.ts";
import { POSTGRES_TYPE, readPrismaEnums, readPrismaSchema, SQLITE_TYPE } from "#tests/helpers/prisma-schema.ts";
import { openTestDb } from "#tests/helpers/test-db.ts";

// Fails when prisma/schema.prisma and the database built by the SQL migrations disagree: the SQLite
// migrations (prisma/migrations) on a SQLite run, the PostgreSQL ones (prisma/postgresql/migrations) on
// a PostgreSQL run (npm run test:pg).
const schemaFile = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");
const schema = readPrismaSchema(schemaFile);
const postgres = isPostgresUrl(process.env.DATABASE_URL!);

interface Column {
  name: string;
  type: string;
  notNull: boolean;
}

/** What the migrated database has, read from its catalog. */
interface Catalog {
  tables: string[];
  columns: Map<string, Column[]>;
  primaryKeys: Map<string, string[]>;
  /** Unique indexes other than the primary key, each as its columns. */
  uniques: Map<string, string[][]>;
  /** PostgreSQL only: each enum type with its values in order. */
  enums: Map<string, string[]>;
}

function group<T>(rows: T[], by: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(by(r), [...(out.get(by(r)) ?? []), r]);
  return out;
}

function sqliteCatalog(file: string): Catalog {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{
        name: string;
      }>
    ).map((t) => t.name);
    const columns = new Map<string, Column[]>();
    const primaryKeys = new Map<string, string[]>();
    const uniques = new Map<string, string[][]>();
    for (const table of tables) {
      const info = db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{
        name: string;
        type: string;
        notnull: number;
        pk: number;
      }>;
      columns.set(
        table,
        info.map((c) => ({ name: c.name, type: c.type, notNull: c.notnull === 1 || c.pk > 0 })),
      );
      primaryKeys.set(
        table,
        info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
      );
      const list = db.prepare(`PRAGMA index_list("${table}")`).all() as Array<{
        name: string;
        unique: number;
        origin: string;
      }>;
      uniques.set(
        table,
        list
          .filter((i) => i.unique && i.origin !== "pk")
          .map((i) =>
            (db.prepare(`PRAGMA index_info("${i.name}")`).all() as Array<{ name: string }>).map((c) => c.name),
          ),
      );
    }
    return { tables, columns, primaryKeys, uniques, enums: new Map() };
  } finally {
    db.close();
  }
}

async function postgresCatalog(): Promise<Catalog> {
  const db = openTestDb();
  try {
    const tables = (
      await db.all<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
      )
    ).map((t) => t.name);
    const columns = await db.all<Column & { table: string }>(
      `SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS "notNull"
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
    );
    // Every index with its columns in index order; the primary key is one of them.
    const indexes = await db.all<{ table: string; name: string; primary: boolean; unique: boolean; columns: string[] }>(
      `SELECT c.relname AS "table", i.relname AS name, x.indisprimary AS "primary", x.indisunique AS "unique",
              array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
       FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema()`,
    );
    const enums = await db.all<{ name: string; value: string }>(
      `SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema()
       ORDER BY t.typname, e.enumsortorder`,
    );
    const byTable = group(indexes, (i) => i.table);
    return {
      tables,
      columns: new Map(
        [...group(columns, (c) => c.table)].map(([t, cols]) => [
          t,
          cols.map(({ name, type, notNull }) => ({ name, type, notNull })),
        ]),
      ),
      primaryKeys: new Map(tables.map((t) => [t, byTable.get(t)?.find((i) => i.primary)?.columns ?? []])),
      uniques: new Map(
        tables.map((t) => [t, (byTable.get(t) ?? []).filter((i) => i.unique && !i.primary).map((i) => i.columns)]),
      ),
      enums: new Map([...group(enums, (e) => e.name)].map(([name, values]) => [name, values.map((v) => v.value)])),
    };
  } finally {
    await db.close();
  }
}

const catalog = postgres ? await postgresCatalog() : sqliteCatalog(process.env.DATABASE_URL!.replace(/^file:/, ""));

/** The column type the migrations should have made for a schema column on this database. */
function expectedType(c: { type: string; enumName?: string }): string {
  if (postgres) return c.enumName ? `"${c.enumName}"` : (POSTGRES_TYPE[c.type] ?? `?${c.type}`);
  return SQLITE_TYPE[c.type] ?? `?${c.type}`;
}

const key = (cols: string[]) => [...cols].sort().join(",");

describe(`schema.prisma matches the migrated ${postgres ? "PostgreSQL" : "SQLite"} database`, () => {
  it("has exactly the tables of the schema", () => {
    const tables = catalog.tables.filter((n) => n !== "_prisma_migrations").sort();
    expect(tables).toEqual(schema.map((m) => m.name).sort());
  });

  if (postgres) {
    it("has exactly the enum types of the schema, with their values in order", () => {
      expect(Object.fromEntries(catalog.enums)).toEqual(Object.fromEntries(readPrismaEnums(schemaFile)));
    });
  }

  for (const model of schema) {
    describe(model.name, () => {
      it("has the same columns, types and nullability", () => {
        const actual = (catalog.columns.get(model.name) ?? []).map((c) => ({ ...c }));
        const expected = model.columns.map((c) => ({ name: c.name, type: expectedType(c), notNull: !c.optional }));
        const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
        expect(actual.sort(byName)).toEqual(expected.sort(byName));
      });

      it("has the same primary key", () => {
        expect(key(catalog.primaryKeys.get(model.name) ?? [])).toBe(key(model.primaryKey));
      });

      it("has the same unique indexes", () => {
        expect((catalog.uniques.get(model.name) ?? []).map(key).sort()).toEqual(model.uniques.map(key).sort());
      });
    });
  }
});
