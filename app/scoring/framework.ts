import type { ClassBand, Framework, FrameworkNode } from "#app/scoring/types.ts";

/** A framework flattened for fast scoring: nodes in pre-order with their structure as arrays. */
export interface CompiledFramework {
  framework: Framework;
  nodes: FrameworkNode[];
  /** Index of each node's parent, -1 for areas. */
  parent: Int32Array;
  /** Index one past the last node of each node's subtree. */
  subtreeEnd: Int32Array;
  /** Index of the area (top-level node) each node belongs to. */
  area: Int32Array;
  isLeaf: Uint8Array;
  /** 1 where the node's points come from the survey (điều tra xã hội học), 0 from appraisal. */
  isSurvey: Uint8Array;
  maxPoints: Float64Array;
  /** Indices of the areas in nodes. */
  areaIndices: number[];
  indexByCode: Map<string, number>;
  /** Sum of the leaves' maxima: the framework's total. */
  totalMax: number;
}

export function compileFramework(framework: Framework): CompiledFramework {
  const nodes: FrameworkNode[] = [];
  const parents: number[] = [];
  const areas: number[] = [];
  const ends: number[] = [];
  const areaIndices: number[] = [];
  const visit = (node: FrameworkNode, parent: number, area: number) => {
    const index = nodes.length;
    nodes.push(node);
    parents.push(parent);
    const areaIndex = parent === -1 ? index : area;
    areas.push(areaIndex);
    ends.push(0);
    if (parent === -1) areaIndices.push(index);
    for (const child of node.children) visit(child, index, areaIndex);
    ends[index] = nodes.length;
  };
  for (const a of framework.areas) visit(a, -1, -1);

  const n = nodes.length;
  const compiled: CompiledFramework = {
    framework,
    nodes,
    parent: Int32Array.from(parents),
    subtreeEnd: Int32Array.from(ends),
    area: Int32Array.from(areas),
    isLeaf: Uint8Array.from(nodes.map((x) => (x.children.length === 0 ? 1 : 0))),
    isSurvey: Uint8Array.from(nodes.map((x) => (x.source === "SURVEY" ? 1 : 0))),
    maxPoints: Float64Array.from(nodes.map((x) => x.maxPoints)),
    areaIndices,
    indexByCode: new Map(nodes.map((x, i) => [x.code, i])),
    totalMax: 0,
  };
  for (let i = 0; i < n; i++) if (compiled.isLeaf[i]) compiled.totalMax += compiled.maxPoints[i]!;
  return compiled;
}

export function emptyScores(compiled: CompiledFramework, unitId: string, unitName: string) {
  return {
    unitId,
    unitName,
    points: new Float64Array(compiled.nodes.length).fill(Number.NaN),
    notApplicable: new Uint8Array(compiled.nodes.length),
  };
}

export interface FrameworkProblem {
  code: string;
  message: string;
}

const ROUND = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Checks a framework's structure, in Vietnamese: codes unique and nested under
 * their parent's code, maxima positive, each parent's maximum equal to the sum
 * of its children, bands ordered with the lowest at 0.
 */
export function validateFramework(framework: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const seen = new Set<string>();
  const check = (node: FrameworkNode, parentCode: string | null) => {
    if (!node.code.trim()) problems.push({ code: node.code, message: `Tiêu chí “${node.title}” chưa có mã` });
    if (seen.has(node.code)) problems.push({ code: node.code, message: `Mã ${node.code} bị trùng` });
    seen.add(node.code);
    if (parentCode !== null && !node.code.startsWith(`${parentCode}.`)) {
      problems.push({
        code: node.code,
        message: `Mã ${node.code} phải bắt đầu bằng mã của tiêu chí cha (${parentCode}.)`,
      });
    }
    if (!node.title.trim()) problems.push({ code: node.code, message: `Tiêu chí ${node.code} chưa có tên` });
    if (!(node.maxPoints > 0))
      problems.push({ code: node.code, message: `Điểm tối đa của ${node.code} phải lớn hơn 0` });
    if (node.children.length) {
      const sum = ROUND(node.children.reduce((s, c) => s + c.maxPoints, 0));
      if (sum !== ROUND(node.maxPoints)) {
        problems.push({
          code: node.code,
          message: `Điểm tối đa của ${node.code} (${node.maxPoints}) khác tổng điểm tối đa của các tiêu chí con (${sum})`,
        });
      }
    }
    for (const child of node.children) check(child, node.code);
  };
  if (!framework.areas.length) problems.push({ code: "", message: "Bộ chỉ số chưa có lĩnh vực nào" });
  for (const area of framework.areas) check(area, null);
  problems.push(...validateBands(framework.bands).map((message) => ({ code: "", message })));
  return problems;
}

export function validateBands(bands: ClassBand[]): string[] {
  const problems: string[] = [];
  if (!bands.length) return ["Chưa khai báo các mức xếp loại"];
  for (let i = 1; i < bands.length; i++) {
    if (!(bands[i]!.minPct < bands[i - 1]!.minPct)) {
      problems.push(`Ngưỡng của mức “${bands[i]!.name}” phải thấp hơn ngưỡng của mức “${bands[i - 1]!.name}”`);
    }
  }
  if (bands[bands.length - 1]!.minPct !== 0)
    problems.push(`Mức thấp nhất (“${bands[bands.length - 1]!.name}”) phải có ngưỡng 0%`);
  if (new Set(bands.map((b) => b.name)).size !== bands.length) problems.push("Tên các mức xếp loại bị trùng");
  for (const band of bands) {
    const floor = band.minAreaPct;
    if (floor === null || floor === undefined) continue;
    if (!(floor >= 0 && floor <= 100))
      problems.push(`Mức tối thiểu mỗi lĩnh vực của “${band.name}” phải từ 0 đến 100 (%)`);
    else if (floor > band.minPct)
      problems.push(
        `Mức tối thiểu mỗi lĩnh vực của “${band.name}” (${floor}%) không được cao hơn ngưỡng của chính mức đó (${band.minPct}%)`,
      );
  }
  return problems;
}
