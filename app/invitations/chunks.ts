// Lists of ids are bound one parameter each, and SQLite refuses more than 32,766 parameters in one
// statement (PostgreSQL 65,535): a list that grows with the attendees is read a chunk at a time.

export const ID_CHUNK = 10_000;

/** Splits a list into pieces of at most `size`. */
export function chunks<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

/**
 * Runs `read` on each chunk in turn (one after the other: a transaction is one connection, which runs one
 * query at a time) and joins what they return.
 */
export async function readInChunks<T, R>(
  items: readonly T[],
  read: (chunk: T[]) => Promise<R[]>,
  size = ID_CHUNK,
): Promise<R[]> {
  const out: R[] = [];
  for (const chunk of chunks(items, size)) out.push(...(await read(chunk)));
  return out;
}
