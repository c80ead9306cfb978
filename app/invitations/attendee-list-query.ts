import { RSVP_LABEL } from "#app/conferences/vocabulary.ts";
import type { RsvpStatus } from "#app/generated/prisma/enums.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";

// What the organiser asks of the attendee list (search, answer, delivery problem, page), read from the
// page's URL, and the search words as SQL patterns.
//
// The attendee search runs in SQL, so that a page of 100,000 attendees never reads them all: each word
// the organiser typed, folded like foldVietnamese folds the text, becomes a pattern whose letters accept
// every Vietnamese letter that folds to them, in either case ("nguyen" finds "NGUYỄN"). SQLite matches it
// with GLOB, PostgreSQL with a regular expression; both take the letters as written (no collation).

const VIETNAMESE_LETTERS = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";

/** For each folded letter, every letter that folds to it: plain lower and upper case first, the common case. */
const LETTERS_OF: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const letter of [...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.toUpperCase()]) {
    const base = foldVietnamese(letter);
    map.set(base, (map.get(base) ?? base + base.toUpperCase()) + letter);
  }
  return map;
})();

const MAX_WORDS = 8;

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

/** The words of a search as foldVietnamese folds them (at most eight): every one must occur. */
export function searchWords(query: string): string[] {
  return foldVietnamese(query).split(" ").filter(Boolean).slice(0, MAX_WORDS);
}

/** The letters a folded character stands for, or null when it stands only for itself. */
function lettersOf(char: string): string | null {
  const known = LETTERS_OF.get(char);
  if (known) return known;
  return /^[a-z]$/.test(char) ? char + char.toUpperCase() : null;
}

/** A SQLite GLOB pattern: the word anywhere in the text. */
export function globPattern(word: string): string {
  const body = [...word].map((char) => {
    const letters = lettersOf(char);
    if (letters) return `[${letters}]`;
    return "*?[".includes(char) ? `[${char}]` : char;
  });
  return `*${body.join("")}*`;
}

/** A PostgreSQL regular expression (for `~`): the word anywhere in the text. */
export function regexPattern(word: string): string {
  return [...word]
    .map((char) => {
      const letters = lettersOf(char);
      if (letters) return `[${letters}]`;
      return /^[.^$|?*+()[\]{}\\]$/.test(char) ? `\\${char}` : char;
    })
    .join("");
}
