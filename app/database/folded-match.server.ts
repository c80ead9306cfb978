// The SQL condition "this text holds the folded word" on either database (app/lib/folded-search.ts):
// SQLite matches with GLOB, PostgreSQL with a regular expression; both compare the letters as written,
// so an index-free scan of the conference's rows, but no row leaves the database unless it matches.
import { onPostgres } from "#app/database/lease.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { globPattern, regexPattern } from "#app/lib/folded-search.ts";

/** Where in the text the word must be: anywhere, at its start, or at the start of one of its words. */
export type FoldedAt = "anywhere" | "start" | "word";

export function foldedMatch(text: Prisma.Sql, word: string, at: FoldedAt = "anywhere"): Prisma.Sql {
  if (onPostgres()) {
    const body = regexPattern(word);
    return Prisma.sql`${text} ~ ${at === "start" ? `^${body}` : at === "word" ? `(^|\\s)${body}` : body}`;
  }
  const body = globPattern(word).slice(1, -1);
  if (at === "start") return Prisma.sql`${text} GLOB ${`${body}*`}`;
  if (at === "word") return Prisma.sql`(' ' || ${text}) GLOB ${`* ${body}*`}`;
  return Prisma.sql`${text} GLOB ${`*${body}*`}`;
}
