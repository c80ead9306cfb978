import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { migratePostgres } from "#app/database/migrate-pg.server.ts";

// Moves an installation from the embedded SQLite file to an empty PostgreSQL database: migrates the
// target, copies every table in one transaction (all or nothing), parents before children, converting
// SQLite's storage (ISO-text or epoch dates, 0/1 booleans) to PostgreSQL's column types, then compares
// the row counts table by table before it commits. Uploads an older version kept on disk move into the
// database with them, so the new instances need no copy of the old data directory.

export interface CopyProgress {
  table: string;
  rows: number;
  tableIndex: number;
  tables: number;
}

export interface CopyResult {
  tables: Array<{ table: string; source: number; target: number }>;
  rows: number;
  /** Uploads an older installation kept on disk (DATA_DIR/evidence), now stored in the database. */
  files: number;
  /** Rows naming a file that is not on disk (already lost at the source): left as they were. */
  missingFiles: string[];
}

// Columns that name an upload: "db:<id>" for files kept in StoredFile, otherwise a path under
// DATA_DIR/evidence that only the old machine has.
const FILE_COLUMNS = [
  { table: "EvidenceFile", column: "storagePath", name: "fileName", type: "mimeType" },
  { table: "Speech", column: "filePath", name: "fileName", type: "fileMime" },
] as const;

const BATCH_PARAMS = 30_000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface PgColumn {
  name: string;
  type: string;
}

async function targetColumns(client: pg.PoolClient | pg.Client): Promise<Map<string, PgColumn[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const byTable = new Map<string, PgColumn[]>();
  for (const r of rows) {
    const list = byTable.get(r.table_name) ?? [];
    list.push({ name: r.column_name, type: r.data_type });
    byTable.set(r.table_name, list);
  }
  return byTable;
}

/** Tables ordered so that every table comes after the tables it references (self-references aside). */
function parentsFirst(db: Database.Database, tables: string[]): { order: string[]; selfRefs: Map<string, string[]> } {
  const deps = new Map<string, Set<string>>();
  const selfRefs = new Map<string, string[]>();
  for (const t of tables) {
    const fks = db.prepare(`PRAGMA foreign_key_list(${quote(t)})`).all() as Array<{ table: string; from: string }>;
    deps.set(t, new Set(fks.filter((f) => f.table !== t).map((f) => f.table)));
    const own = fks.filter((f) => f.table === t).map((f) => f.from);
    if (own.length) selfRefs.set(t, own);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const next = tables.find((t) => !placed.has(t) && [...deps.get(t)!].every((d) => placed.has(d) || !deps.has(d)));
    if (!next) throw new Error(`Không sắp được thứ tự chép các bảng (vòng khóa ngoại): ${tables.join(", ")}`);
    order.push(next);
    placed.add(next);
  }
  return { order, selfRefs };
}

function convert(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return value === 1 || value === true || value === "1" || value === "true";
  if (type.startsWith("timestamp")) {
    const d =
      typeof value === "number"
        ? new Date(value)
        : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(String(value)) ? String(value) : `${String(value).replace(" ", "T")}Z`);
    if (Number.isNaN(d.getTime())) throw new Error(`giá trị ngày giờ không đọc được: ${String(value)}`);
    return d.toISOString().slice(0, -1);
  }
  if (type === "bigint" && typeof value === "bigint") return value.toString();
  return value;
}

/** Refuses unless every table of the target is empty (or missing: a fresh database). */
async function assertEmpty(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
     AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  const filled: string[] = [];
  for (const { table_name } of rows) {
    const r = await client.query(`SELECT 1 FROM ${quote(table_name)} LIMIT 1`);
    if (r.rowCount) filled.push(table_name);
  }
  if (filled.length) {
    throw new Error(
      `Cơ sở dữ liệu đích không trống (bảng ${filled.slice(0, 5).join(", ")}${filled.length > 5 ? "…" : ""} đã có dữ liệu). ` +
        `Hãy chép vào một cơ sở dữ liệu PostgreSQL mới tạo.`,
    );
  }
}

/** Moves the uploads still on disk into StoredFile (inside the copy's transaction) and points their rows there. */
async function moveDiskFiles(target: pg.Client, dataDir: string, result: CopyResult): Promise<void> {
  const root = path.resolve(dataDir, "evidence");
  for (const f of FILE_COLUMNS) {
    const { rows } = await target.query<{ id: string; at: string; name: string | null; type: string | null }>(
      `SELECT "id", ${quote(f.column)} AS at, ${quote(f.name)} AS name, ${quote(f.type)} AS type FROM ${quote(f.table)}
       WHERE ${quote(f.column)} IS NOT NULL AND ${quote(f.column)} NOT LIKE 'db:%'`,
    );
    for (const row of rows) {
      const full = path.resolve(root, row.at);
      if (!full.startsWith(root + path.sep) || !fs.existsSync(full)) {
        result.missingFiles.push(`${f.table} ${row.id}: ${row.at}`);
        continue;
      }
      const bytes = fs.readFileSync(full);
      const id = `c${crypto.randomUUID().replace(/-/g, "").slice(0, 24)}`;
      await target.query(
        `INSERT INTO "StoredFile" ("id", "kind", "name", "contentType", "size", "bytes", "createdAt")
         VALUES ($1, 'evidence', $2, $3, $4, $5, $6)`,
        [
          id,
          (row.name ?? path.basename(full)).slice(0, 200),
          row.type ?? "application/octet-stream",
          bytes.length,
          bytes,
          pgNow(),
        ],
      );
      await target.query(`UPDATE ${quote(f.table)} SET ${quote(f.column)} = $1 WHERE "id" = $2`, [`db:${id}`, row.id]);
      result.files++;
    }
  }
}

const pgNow = () => new Date().toISOString().slice(0, -1);

/**
 * Rows were copied with their ids, which leaves the sequence of an autoincrement column (the scan log's)
 * at its start: the first new row would take an id already copied. Each such sequence continues after
 * the largest id copied.
 */
async function advanceSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
  );
  for (const { table_name: table, column_name: column } of rows) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${quote(column)}), 0) + 1, false) FROM ${quote(table)}`,
      [quote(table), column],
    );
  }
}

export async function copySqliteToPostgres(
  sqliteFile: string,
  targetUrl: string,
  onProgress: (p: CopyProgress) => void = () => {},
  dataDir?: string,
): Promise<CopyResult> {
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const target = new pg.Client({ connectionString: targetUrl });
  await target.connect();
  try {
    await assertEmpty(target);
    await migratePostgres(targetUrl);
    await assertEmpty(target);
    const columnsOf = await targetColumns(target);
    const sourceTables = (
      source
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        .all() as Array<{ name: string }>
    )
      .map((t) => t.name)
      .filter((t) => t !== "_prisma_migrations");
    const missing = sourceTables.filter((t) => !columnsOf.has(t));
    if (missing.length) throw new Error(`Bảng không có ở PostgreSQL: ${missing.join(", ")}. Hãy cập nhật ứng dụng.`);
    const { order, selfRefs } = parentsFirst(source, sourceTables);
    const result: CopyResult = { tables: [], rows: 0, files: 0, missingFiles: [] };
    await target.query("BEGIN");
    try {
      for (const [index, table] of order.entries()) {
        const columns = columnsOf.get(table)!;
        const later = new Set(selfRefs.get(table) ?? []);
        const select = source.prepare(`SELECT ${columns.map((c) => quote(c.name)).join(", ")} FROM ${quote(table)}`);
        const perRow = columns.length;
        const batchRows = Math.max(1, Math.floor(BATCH_PARAMS / perRow));
        let batch: unknown[][] = [];
        const deferred: Array<{ id: unknown[]; values: unknown[] }> = [];
        const pk = (source.prepare(`PRAGMA table_info(${quote(table)})`).all() as Array<{ name: string; pk: number }>)
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name);
        let copied = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const params: unknown[] = [];
          const tuples = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(", ")})`);
          await target.query(
            `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(", ")}) VALUES ${tuples.join(", ")}`,
            params,
          );
          copied += batch.length;
          batch = [];
          onProgress({ table, rows: copied, tableIndex: index, tables: order.length });
        };
        for (const raw of select.iterate() as Iterable<Record<string, unknown>>) {
          // A row may point at a row of its own table not copied yet: write that column afterwards.
          const values = columns.map((c) => (later.has(c.name) ? null : convert(raw[c.name], c.type)));
          if (later.size) {
            const refs = [...later].map((c) => raw[c]);
            if (refs.some((v) => v !== null)) deferred.push({ id: pk.map((k) => raw[k]), values: refs });
          }
          batch.push(values);
          if (batch.length >= batchRows) await flush();
        }
        await flush();
        for (const d of deferred) {
          const sets = [...later].map((c, i) => `${quote(c)} = $${i + 1}`).join(", ");
          const where = pk.map((k, i) => `${quote(k)} = $${later.size + i + 1}`).join(" AND ");
          await target.query(`UPDATE ${quote(table)} SET ${sets} WHERE ${where}`, [...d.values, ...d.id]);
        }
        const sourceCount = (source.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
        const targetCount = Number(
          (await target.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`)).rows[0]!.n,
        );
        if (sourceCount !== targetCount) {
          throw new Error(`Bảng ${table}: ${sourceCount} dòng ở SQLite nhưng ${targetCount} dòng ở PostgreSQL.`);
        }
        result.tables.push({ table, source: sourceCount, target: targetCount });
        result.rows += targetCount;
      }
      if (dataDir) await moveDiskFiles(target, dataDir, result);
      await advanceSequences(target);
      await target.query("COMMIT");
    } catch (error) {
      await target.query("ROLLBACK");
      throw error;
    }
    return result;
  } finally {
    source.close();
    await target.end();
  }
}
