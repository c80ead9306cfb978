import { z } from "zod";
import { fromLocalDateValue } from "#app/lib/vietnamese-date.ts";

// The audit pages' filters, read from the query string (the same string pages and the .xlsx export
// use). Unknown or malformed values are ignored rather than failing the page.

export const ACTOR_KINDS = ["USER", "INVITEE", "BRIDGE", "POSTER", "SCANNER", "SYSTEM"] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => fromLocalDateValue(v) !== null)
  .optional()
  .catch(undefined);
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);

const schema = z.object({
  from: day,
  to: day,
  actor: text(200),
  kind: z.enum(ACTOR_KINDS).optional().catch(undefined),
  entity: text(60),
  action: text(60),
  q: text(200),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export type AuditFilters = z.infer<typeof schema>;

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const raw = Object.fromEntries([...params].filter(([, v]) => v !== ""));
  return schema.parse({ ...raw, page: raw.page ?? 1 });
}

/** The query string of the filters without the page (for the export link and the pager). */
export function filterQuery(f: AuditFilters, page?: number): string {
  const p = new URLSearchParams();
  for (const key of ["from", "to", "actor", "kind", "entity", "action", "q"] as const) {
    const v = f[key];
    if (v) p.set(key, v);
  }
  if (page && page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
