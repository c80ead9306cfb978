import { describe, expect, it } from "vitest";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { foldedLikePattern } from "#app/lib/folded-search.ts";

// The SQL narrowing of the pickers' search: the pattern must let through every text whose folded form
// holds the word (else a search misses people), and keep the consonants that make it narrow.

/** SQL LIKE with % only, case-insensitive as both databases run it for the search. */
const like = (text: string, pattern: string) =>
  new RegExp(
    `^${pattern
      .split("%")
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
    "isu",
  ).test(text);

describe("foldedLikePattern", () => {
  it("keeps consonants and digits, turns vowels, đ and anything else into %", () => {
    expect(foldedLikePattern("nguyen")).toBe("%ng%n%");
    expect(foldedLikePattern("dai")).toBe("%");
    expect(foldedLikePattern("hk77@example")).toBe("%hk77%x%mpl%");
    expect(foldedLikePattern("100%_x")).toBe("%100%x%");
  });

  it("lets through every spelling that folds to the word, composed or decomposed", () => {
    const names = ["Nguyễn Văn Thắng", "NGUYỄN VĂN THẮNG", "Nguyễn Văn Thắng".normalize("NFD"), "Đặng Thị Ửng"];
    for (const name of names) {
      for (const word of foldVietnamese(name).split(" ")) expect(like(name, foldedLikePattern(word)), word).toBe(true);
    }
  });

  it("still narrows: a name without the word's consonants in order is left out", () => {
    expect(like("Trần Thị Ửng", foldedLikePattern("nguyen"))).toBe(false);
    expect(like("Lê Văn Tám", foldedLikePattern("thang"))).toBe(false);
  });
});
