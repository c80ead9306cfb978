import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { readPrismaSchema, SQLITE_TYPE } from "#tests/helpers/prisma-schema.ts";

// Fails when prisma/schema.prisma and the database built by the SQL migrations disagree.
const schema = readPrismaSchema(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"));
const db = new Database(process.env.TEST_DATABASE_FILE!, { readonly: true });

type Col = { name: string; type: string; notnull: number; pk: number };

function tableColumns(table: string): Col[] {
  return db.prepare(`PRAGMA table_info("${table}")`).all() as Col[];
}

function uniqueIndexes(table: string): string[][] {
  const list = db.prepare(`PRAGMA index_list("${table}")`).all() as Array<{
    name: string;
    unique: number;
    origin: string;
  }>;
  return list
    .filter((i) => i.unique && i.origin !== "pk")
    .map((i) => (db.prepare(`PRAGMA index_info("${i.name}")`).all() as Array<{ name: string }>).map((c) => c.name));
}

const key = (cols: string[]) => [...cols].sort().join(",");

describe("schema.prisma matches the migrated database", () => {
  it("has exactly the tables of the schema", () => {
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{
        name: string;
      }>
    )
      .map((t) => t.name)
      .filter((n) => n !== "_prisma_migrations")
      .sort();
    expect(tables).toEqual(schema.map((m) => m.name).sort());
  });

  for (const model of schema) {
    describe(model.name, () => {
      it("has the same columns, types and nullability", () => {
        const actual = tableColumns(model.name).map((c) => ({
          name: c.name,
          type: c.type,
          notNull: c.notnull === 1 || c.pk > 0,
        }));
        const expected = model.columns.map((c) => ({
          name: c.name,
          type: SQLITE_TYPE[c.type] ?? `?${c.type}`,
          notNull: !c.optional,
        }));
        const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
        expect(actual.sort(byName)).toEqual(expected.sort(byName));
      });

      it("has the same primary key", () => {
        const pk = tableColumns(model.name)
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name);
        expect(key(pk)).toBe(key(model.primaryKey));
      });

      it("has the same unique indexes", () => {
        expect(uniqueIndexes(model.name).map(key).sort()).toEqual(model.uniques.map(key).sort());
      });
    });
  }
});
