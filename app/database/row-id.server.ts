// Ids for rows written outside Prisma (whose @default(cuid()) only applies to its own writes): text like
// a cuid, "c", the time in base 36, then random hex. Ids are opaque everywhere; only their order matters,
// and only within one batch (below).
import { randomBytes } from "node:crypto";

/** One id: "c", the time, 16 random hex digits. */
export function newRowId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}

/**
 * `count` ids that sort in the order they are returned (a sequence number after the time part), so rows
 * a batch writes with one creation time still list in the batch's order (lists order by createdAt, id).
 */
export function sortableRowIds(count: number): string[] {
  const time = Date.now().toString(36);
  const random = randomBytes(6).toString("hex");
  return Array.from({ length: count }, (_, i) => `c${time}${i.toString(36).padStart(6, "0")}${random}`);
}
