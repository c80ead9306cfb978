import { RSVP_LABEL } from "#app/conferences/vocabulary.ts";
import type { RsvpStatus } from "#app/generated/prisma/enums.ts";

// What the organiser asks of the attendee list (search, answer, delivery problem, page), read from the
// page's URL. The search runs in SQL (app/lib/folded-search.ts), so that a page of 100,000 attendees never
// reads them all.

export const ATTENDEES_PER_PAGE = 100;

export const DELIVERY_FILTERS = { problem: "Thư lỗi hoặc bị treo" } as const;
export type DeliveryFilter = keyof typeof DELIVERY_FILTERS;

export interface ListQuery {
  q: string;
  rsvp: RsvpStatus | null;
  mail: DeliveryFilter | null;
  page: number;
}

/** The list's query from the page's URL; anything unknown is ignored rather than refused. */
export function listQuery(params: URLSearchParams): ListQuery {
  const rsvp = params.get("rsvp") ?? "";
  const mail = params.get("mail") ?? "";
  return {
    q: (params.get("q") ?? "").trim().slice(0, 100),
    rsvp: Object.hasOwn(RSVP_LABEL, rsvp) ? (rsvp as RsvpStatus) : null,
    mail: Object.hasOwn(DELIVERY_FILTERS, mail) ? (mail as DeliveryFilter) : null,
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
  };
}

/** The list's URL query for these choices (page 1 left out), e.g. for the pager's links. */
export function listSearch(query: Omit<ListQuery, "page"> & { org?: string }, page = 1): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.rsvp) p.set("rsvp", query.rsvp);
  if (query.mail) p.set("mail", query.mail);
  if (query.org) p.set("org", query.org);
  if (page > 1) p.set("page", String(page));
  const text = p.toString();
  return text ? `?${text}` : "?";
}
