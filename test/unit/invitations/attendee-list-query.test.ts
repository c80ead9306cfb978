import { describe, expect, it } from "vitest";
import { listQuery, listSearch } from "#app/invitations/attendee-list-query.ts";
import { globPattern, regexPattern, searchWords } from "#app/lib/folded-search.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";

describe("the attendee list's query", () => {
  it("reads the search, a known answer and delivery filter and the page from the URL, ignoring the rest", () => {
    expect(listQuery(new URLSearchParams("q=%20Nguy%E1%BB%85n%20&rsvp=DECLINED&mail=problem&page=3"))).toEqual({
      q: "Nguyễn",
      rsvp: "DECLINED",
      mail: "problem",
      page: 3,
    });
    expect(listQuery(new URLSearchParams("rsvp=toString&mail=constructor&page=-2"))).toEqual({
      q: "",
      rsvp: null,
      mail: null,
      page: 1,
    });
    expect(listQuery(new URLSearchParams(`q=${"a".repeat(300)}`)).q).toHaveLength(100);
  });

  it("writes the pager's links with the search and filters, page 1 left out", () => {
    const list = { q: "lê văn", rsvp: "ACCEPTED" as const, mail: null, org: "org1" };
    expect(listSearch(list, 2)).toBe("?q=l%C3%AA+v%C4%83n&rsvp=ACCEPTED&org=org1&page=2");
    expect(listSearch({ q: "", rsvp: null, mail: null }, 1)).toBe("?");
  });

  it("folds the words like foldVietnamese, at most eight", () => {
    expect(searchWords("  ĐẶNG   Văn Ấn ")).toEqual(["dang", "van", "an"]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
  });
});

describe("the search patterns", () => {
  // Every Vietnamese letter, in both cases, folds to the letter whose class accepts it.
  const letters = "aàáạảãâầấậẩẫăằắặẳẵeèéẹẻẽêềếệểễiìíịỉĩoòóọỏõôồốộổỗơờớợởỡuùúụủũưừứựửữyỳýỵỷỹdđ";

  it("accepts in a letter's class every letter that folds to it, in both cases, and no other", () => {
    for (const letter of [...letters, ...letters.toUpperCase()]) {
      const base = foldVietnamese(letter);
      const cls = globPattern(base).slice(2, -2);
      expect(cls, letter).toContain(letter);
      expect(regexPattern(base)).toBe(`[${cls}]`);
      for (const other of "aeiouyd".replace(base, "")) expect(globPattern(other), letter).not.toContain(letter);
    }
    expect(globPattern("k")).toBe("*[kK]*");
  });

  it("matches the text a reader would find, and takes wildcard characters literally", () => {
    const glob = (pattern: string) => new RegExp(`^${pattern.replace(/\*/g, ".*").replace(/\[\*\]/g, "\\*")}$`, "u");
    const text = "Đặng Văn Ấn · dang.van@example.vn · Ủy ban nhân dân";
    for (const word of ["dang", "van", "an", "uy", "nhan", "dang.van@"])
      expect(new RegExp(regexPattern(word), "u").test(text), word).toBe(true);
    expect(new RegExp(regexPattern("dangxvan"), "u").test("dang.van")).toBe(false);
    expect(regexPattern("a.b*c?[d]")).toBe("[aAàáạảãâầấậẩẫăằắặẳẵÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ]\\.[bB]\\*[cC]\\?\\[[dDđĐ]\\]");
    expect(globPattern("2*?[")).toBe("*2[*][?][[]*");
    expect(glob(globPattern("uy")).test(text)).toBe(true);
  });
});
