import fs from "node:fs";

// A small reader for the parts of schema.prisma that define tables: enough to
// compare the schema with a migrated database, independent of Prisma's engines.

export interface SchemaColumn {
  name: string;
  /** The scalar type, or "Enum" for an enum (named in `enumName`). */
  type: string;
  enumName?: string;
  optional: boolean;
  isList: boolean;
}

export interface SchemaModel {
  name: string;
  columns: SchemaColumn[];
  primaryKey: string[];
  uniques: string[][];
}

export function readPrismaSchema(file: string): SchemaModel[] {
  const text = fs.readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const enums = new Set([...text.matchAll(/^enum\s+(\w+)\s*\{/gm)].map((m) => m[1]!));
  const modelBlocks = [...text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const modelNames = new Set(modelBlocks.map((m) => m[1]!));
  return modelBlocks.map(([, name, body]) => {
    const columns: SchemaColumn[] = [];
    const primaryKey: string[] = [];
    const uniques: string[][] = [];
    for (const raw of body!.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      if (line.startsWith("@@")) {
        const fields =
          line
            .match(/\[([^\]]*)\]/)?.[1]
            ?.split(",")
            .map((f) => f.trim()) ?? [];
        if (line.startsWith("@@id")) primaryKey.push(...fields);
        if (line.startsWith("@@unique")) uniques.push(fields);
        continue;
      }
      const m = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/);
      if (!m) continue;
      const [, field, type, list, optional, attrs] = m;
      if (modelNames.has(type!)) continue; // relation field: no column
      columns.push({
        name: field!,
        type: enums.has(type!) ? "Enum" : type!,
        ...(enums.has(type!) ? { enumName: type! } : {}),
        optional: !!optional,
        isList: !!list,
      });
      if (/@id\b/.test(attrs!)) primaryKey.push(field!);
      if (/@unique\b/.test(attrs!)) uniques.push([field!]);
    }
    return { name: name!, columns, primaryKey, uniques };
  });
}

/** The enums of the schema with their values, in order. */
export function readPrismaEnums(file: string): Map<string, string[]> {
  const text = fs.readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  return new Map(
    [...text.matchAll(/^enum\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(([, name, body]) => [
      name!,
      body!
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => /^\w+$/.test(l)),
    ]),
  );
}

/** The PostgreSQL column type (as format_type prints it) Prisma's migrations use for each scalar type. */
export const POSTGRES_TYPE: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** The SQLite column type Prisma's migrations use for each scalar type. */
export const SQLITE_TYPE: Record<string, string> = {
  String: "TEXT",
  Enum: "TEXT",
  Int: "INTEGER",
  BigInt: "BIGINT",
  Float: "REAL",
  Decimal: "DECIMAL",
  Boolean: "BOOLEAN",
  DateTime: "DATETIME",
  Json: "JSONB",
  Bytes: "BLOB",
};
