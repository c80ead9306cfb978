// Many rows of one table in a few multi-row INSERT statements, on either database. Prisma's createMany
// spends about a quarter of a millisecond of CPU per row before the database sees it (an import of
// 20,000 attendees was 5 s of blocked event loop); a bound multi-row statement is the database's own
// cost. The caller runs it inside its transaction (with its audit record) and supplies every column,
// ids and times included: database defaults (Prisma's @default(cuid()), now()) are not applied here.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { onPostgres } from "#app/database/lease.server.ts";
import { pgTime } from "#app/database/pg-pool.server.ts";

/** A stored value: text, number, boolean, an instant, or null. */
export type Cell = string | number | boolean | Date | null;

// 250 rows of a dozen columns is 3,000 bound values, well within both databases' limits (SQLite 32,766,
// PostgreSQL 65,535), and a statement of about 5 ms on SQLite (whose driver holds the event loop while
// it runs), so other requests, the door's scans among them, get their turn between two statements. At
// 1,000 rows a statement took 20–80 ms and scans waited as long.
const ROWS_PER_STATEMENT = 250;

/** How Prisma stores an instant: ISO text with an explicit offset on SQLite, timestamp(3) on PostgreSQL. */
function timeValue(d: Date, postgres: boolean): string {
  return postgres ? pgTime(d) : d.toISOString().replace("Z", "+00:00");
}

/**
 * Inserts `rows` (each with one value per column, in `columns` order) into `table`. Throws (and the
 * caller's transaction rolls back) on any constraint the database enforces. `enums` names the columns of
 * a PostgreSQL enum type (column → type, e.g. { kind: "MessageKind" }): a bound text value is cast to it.
 */
export async function insertRows(
  tx: Prisma.TransactionClient,
  table: string,
  columns: readonly string[],
  rows: readonly Cell[][],
  enums: Readonly<Record<string, string>> = {},
): Promise<void> {
  const postgres = onPostgres();
  const names = columns.map((c) => `"${c}"`).join(", ");
  const casts = columns.map((c) => (enums[c] ? `::"${enums[c]}"` : ""));
  for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(at, at + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length)
        throw new Error(`insertRows: ${row.length} values for ${columns.length} columns`);
      const marks = row.map((value, column) => {
        const isTime = value instanceof Date;
        // SQLite stores a Boolean as 0 or 1 (as Prisma writes it); PostgreSQL takes true or false.
        params.push(
          isTime ? timeValue(value, postgres) : typeof value === "boolean" && !postgres ? Number(value) : value,
        );
        if (!postgres) return "?";
        return isTime ? `$${params.length}::timestamp(3)` : `$${params.length}${casts[column]}`;
      });
      return `(${marks.join(", ")})`;
    });
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) VALUES ${tuples.join(", ")}`, ...params);
  }
}
