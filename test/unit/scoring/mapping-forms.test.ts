import { describe, expect, it } from "vitest";
import { unusedByCode } from "#app/components/scoring/mapping/mapping-view.ts";
import { groupsFromRows, problemsByField, splitCellCodes } from "#app/scoring/mapping-forms.ts";

// The mapping editor's rows → the mapping's groups, and the problems back onto the rows.

describe("mapping editor rows", () => {
  it("splits a cell on ';' or ',' and drops a trailing dot", () => {
    expect(splitCellCodes(" 3.2.1; 3.2.2 ,3.3. ")).toEqual(["3.2.1", "3.2.2", "3.3"]);
    expect(splitCellCodes(undefined)).toEqual([]);
  });

  it("makes one group per row, a merge from several codes in a cell, a split from one code on several rows", () => {
    const groups = groupsFromRows([
      { current: "1.1", previous: "1.1" },
      { current: "1.2", previous: "1.2; 1.3" }, // merge
      { current: "2.1", previous: "2.1" }, // split of 2.1 …
      { current: "2.2", previous: "2.1, 2.4" }, // … joined with 2.4 through row 2.2
      { current: "2.3", previous: "2.4" },
      { current: "3.1" }, // new
    ]);
    expect(groups).toEqual([
      { current: ["1.1"], previous: ["1.1"] },
      { current: ["1.2"], previous: ["1.2", "1.3"] },
      { current: ["2.1", "2.2", "2.3"], previous: ["2.1", "2.4"] },
    ]);
  });

  it("keeps a code typed twice in one cell so that the check names it", () => {
    expect(groupsFromRows([{ current: "1.1", previous: "1.1;1.1" }])).toEqual([
      { current: ["1.1"], previous: ["1.1", "1.1"] },
    ]);
  });

  it("puts each problem on the rows naming its code", () => {
    const rows = [
      { current: "1.1", previous: "9.9" },
      { current: "1.2", previous: "1.2" },
      { current: "1.3", previous: "1.2" },
    ];
    const out = problemsByField(rows, [
      { code: "9.9", side: "previous", message: "Mã 9.9 không có" },
      { code: "1.2", side: "previous", message: "Mã 1.2 hai lần" },
      { code: "8.8", side: "current", message: "Mã 8.8 không có" },
    ]);
    expect(out.fieldErrors).toEqual({
      "rows[0].previous": ["Mã 9.9 không có"],
      "rows[1].previous": ["Mã 1.2 hai lần"],
      "rows[2].previous": ["Mã 1.2 hai lần"],
    });
    expect(out.formErrors).toEqual(["Mã 8.8 không có"]);
  });

  it("lists the previous nodes no code reaches, topmost only", () => {
    const nodes = ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "2", "2.1", "10", "10.1"].map((code) => ({ code }));
    expect(unusedByCode(nodes, new Set(["1.1.1", "2"])).map((n) => n.code)).toEqual(["1.1.2", "1.2", "2.1", "10"]);
  });
});
