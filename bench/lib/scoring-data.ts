// Seeded data for the scoring benchmark: a framework of about 100 sub-criteria,
// units with detailed scores (some criteria not applicable), a previous-year
// result list, and a detailed score sheet for the import.
import ExcelJS from "exceljs";
import type { CompiledFramework } from "#app/scoring/framework.ts";
import { emptyScores, rankUnits } from "#app/scoring/index.ts";
import {
  DEFAULT_BANDS,
  type DetailedScores,
  type Framework,
  type FrameworkNode,
  type PreviousResult,
} from "#app/scoring/types.ts";

/** mulberry32: small, fast, good enough for benchmark data, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 8 areas × 4 criteria × 3 sub-criteria, and 4 criteria with a fourth: 100
 * leaves, 32 criteria, 140 nodes. Leaf maxima 0.5–2 points in halves.
 */
export function benchFramework(random = seededRandom(1)): Framework {
  const areas: FrameworkNode[] = [];
  let extra = 4;
  for (let a = 1; a <= 8; a++) {
    const criteria: FrameworkNode[] = [];
    for (let c = 1; c <= 4; c++) {
      const subs: FrameworkNode[] = [];
      const count = c === 1 && extra-- > 0 ? 4 : 3;
      for (let s = 1; s <= count; s++) {
        const max = 0.5 + Math.floor(random() * 4) / 2;
        subs.push({
          code: `${a}.${c}.${s}`,
          title: `Tiêu chí thành phần ${a}.${c}.${s}`,
          maxPoints: max,
          source: a === 8 ? "SURVEY" : "APPRAISAL",
          children: [],
        });
      }
      criteria.push({
        code: `${a}.${c}`,
        title: `Tiêu chí ${a}.${c}`,
        maxPoints: sum(subs),
        source: "APPRAISAL",
        children: subs,
      });
    }
    areas.push({
      code: String(a),
      title: `Lĩnh vực ${a}`,
      maxPoints: sum(criteria),
      source: "APPRAISAL",
      children: criteria,
    });
  }
  return { name: "Bộ chỉ số thử hiệu năng", year: 2024, unitLevel: "XA", bands: DEFAULT_BANDS, areas };
}

function sum(nodes: FrameworkNode[]): number {
  return Math.round(nodes.reduce((s, n) => s + n.maxPoints, 0) * 1000) / 1000;
}

export const unitName = (i: number) => `Xã Thử Nghiệm ${String(i + 1).padStart(5, "0")}`;

/** Leaves' points in quarter points; about 2 % of leaves and 1 % of criteria not applicable. */
export function benchScores(compiled: CompiledFramework, units: number, random: () => number): DetailedScores[] {
  const out: DetailedScores[] = [];
  const n = compiled.nodes.length;
  for (let u = 0; u < units; u++) {
    const s = emptyScores(compiled, `u${u}`, unitName(u));
    const skill = 0.5 + random() * 0.5;
    for (let i = 0; i < n; i++) {
      if (compiled.isLeaf[i]) {
        if (random() < 0.02) s.notApplicable[i] = 1;
        else
          s.points[i] = Math.min(
            compiled.maxPoints[i]!,
            Math.round(compiled.maxPoints[i]! * skill * (0.6 + random() * 0.5) * 4) / 4,
          );
      } else if (compiled.parent[i] !== -1 && random() < 0.01) s.notApplicable[i] = 1;
    }
    out.push(s);
  }
  return out;
}

/** Last year's results of the same units (ranked from other seeded scores), 5 % of units missing. */
export function benchPrevious(compiled: CompiledFramework, units: number, random: () => number): PreviousResult[] {
  const ranked = rankUnits(benchScores(compiled, units, random), { bands: DEFAULT_BANDS, compiled });
  return ranked
    .filter(() => random() >= 0.05)
    .map((r) => ({ unitId: r.unitId, rank: r.rank, indexPct: r.indexPct, className: r.className }));
}

/**
 * Writes a detailed score sheet (unit, code, points, self_points,
 * not_applicable) with one row per unit and leaf, as an .xlsx with shared
 * strings, the way Excel saves it. Returns the number of data rows.
 */
export async function writeDetailedSheet(
  file: string,
  compiled: CompiledFramework,
  scores: DetailedScores[],
  random: () => number,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet("Điểm chi tiết");
  sheet.addRow(["Đơn vị", "Mã tiêu chí", "Điểm", "Điểm tự chấm", "Không áp dụng"]).commit();
  let rows = 0;
  for (const s of scores) {
    for (let i = 0; i < compiled.nodes.length; i++) {
      if (!compiled.isLeaf[i]) continue;
      const code = compiled.nodes[i]!.code;
      if (s.notApplicable[i]) sheet.addRow([s.unitName, code, null, null, "x"]).commit();
      else {
        const p = s.points[i]!;
        const self = Math.min(compiled.maxPoints[i]!, p + (random() < 0.3 ? 0.25 : 0));
        sheet.addRow([s.unitName, code, p, self, null]).commit();
      }
      rows++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}
