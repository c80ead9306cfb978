// Small helpers that turn records into the before/after field maps the audit recorder diffs.

/** Most entries a bulk action lists by name; the rest are counted. */
export const LIST_LIMIT = 500;

/**
 * A field map for a bulk action: one entry per record ("Nguyễn Văn A <a@…>" → what it is or became),
 * at most LIST_LIMIT, the rest counted under "…".
 */
export function listSnapshot(entries: Array<[string, unknown]>, limit = LIST_LIMIT): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries.slice(0, limit)) out[key] = value;
  if (entries.length > limit) out["…"] = `và ${entries.length - limit} bản ghi khác`;
  return out;
}

/**
 * A secret (a meeting passcode) is never written to the log: only that it was set or changed.
 * Returns the two values to record; equal when the secret did not change.
 */
export function maskedSecret(before: string | null | undefined, after: string | null | undefined): [string, string] {
  const b = before ?? "";
  const a = after ?? "";
  if (b === a) return b ? ["(đã đặt)", "(đã đặt)"] : ["", ""];
  return [b ? "(giá trị cũ, ẩn)" : "", a ? "(giá trị mới, ẩn)" : ""];
}

/** "Nguyễn Văn A <a@x.vn>": how a person is named in bulk lists. */
export function personKey(p: { name: string; email?: string | null }): string {
  return p.email ? `${p.name} <${p.email}>` : p.name;
}
