import { describe, expect, it } from "vitest";
import { canManageScoring } from "#app/scoring/access.ts";
import { checkEvidence, reportingPeriods } from "#app/files/accepted-files.ts";
import { parseScoreGrid } from "#app/scoring/score-grid.ts";
import { compileFramework, DEFAULT_BANDS, type Framework } from "#app/scoring/index.ts";

const framework: Framework = {
  name: "Thử",
  year: 2024,
  unitLevel: "XA",
  bands: DEFAULT_BANDS,
  areas: [
    {
      code: "1",
      title: "Chỉ đạo",
      maxPoints: 3,
      source: "APPRAISAL",
      children: [
        { code: "1.1", title: "Kế hoạch", maxPoints: 2, source: "APPRAISAL", children: [] },
        { code: "1.2", title: "Báo cáo", maxPoints: 1, source: "APPRAISAL", children: [] },
      ],
    },
  ],
};

describe("score grid", () => {
  const compiled = compileFramework(framework);
  it("reads decimal commas, blanks and not-applicable boxes", () => {
    const fd = new FormData();
    fd.set("final-1", "1,5");
    fd.set("self-1", "2");
    fd.set("na-2", "on");
    const { values, errors } = parseScoreGrid(compiled, fd);
    expect(errors).toEqual({});
    expect(values.final[1]).toBe(1.5);
    expect(values.self[1]).toBe(2);
    expect(Number.isNaN(values.final[2]!)).toBe(true);
    expect(values.notApplicable[2]).toBe(1);
  });
  it("names the criterion in each error", () => {
    const fd = new FormData();
    fd.set("final-1", "2,5");
    fd.set("self-2", "-1");
    fd.set("final-2", "một");
    expect(parseScoreGrid(compiled, fd).errors).toEqual({
      "final-1": "Điểm thẩm định của 1.1 vượt điểm tối đa 2",
      "self-2": "Điểm tự chấm của 1.2 không được âm",
      "final-2": "Điểm thẩm định của 1.2 không phải là số",
    });
  });
});

describe("evidence files", () => {
  it("accepts a real PDF and refuses a renamed or unknown file", () => {
    expect(checkEvidence("bien-ban.pdf", new TextEncoder().encode("%PDF-1.7 ..."))).toEqual({
      ok: true,
      mime: "application/pdf",
    });
    expect(checkEvidence("bien-ban.pdf", new TextEncoder().encode("MZ...."))).toEqual({
      ok: false,
      error: "Nội dung tệp không phải PDF như phần mở rộng .pdf",
    });
    expect(checkEvidence("run.exe", new Uint8Array([1]))).toMatchObject({ ok: false });
    expect(checkEvidence("x.pdf", new Uint8Array(11 * 1024 * 1024))).toEqual({ ok: false, error: "Tệp lớn hơn 10 MB" });
  });
  it("offers months or quarters of the year after the assessment", () => {
    expect(reportingPeriods("QUARTERLY", 2024).map((p) => p.label)).toEqual([
      "Quý I/2024",
      "Quý II/2024",
      "Quý III/2024",
      "Quý IV/2024",
    ]);
    expect(reportingPeriods("MONTHLY", 2024)[4]).toEqual({ value: "2024-05", label: "Tháng 5/2024" });
  });
});

describe("scoring access", () => {
  const noiVu = { organizationId: "huyen", roles: ["HOME_AFFAIRS"] as const, visibleOrganizationIds: ["huyen"] };
  const office = { organizationId: "huyen", roles: ["OFFICE"] as const, visibleOrganizationIds: ["huyen"] };
  it("lets only Nội vụ of the owning organisation (or an admin above it) manage", () => {
    expect(canManageScoring(noiVu, "huyen")).toBe(true);
    expect(canManageScoring(office, "huyen")).toBe(false);
    expect(canManageScoring(noiVu, "tinh")).toBe(false);
    expect(
      canManageScoring(
        { organizationId: "tinh", roles: ["ADMIN"], visibleOrganizationIds: ["tinh", "huyen"] },
        "huyen",
      ),
    ).toBe(true);
  });
});
