// Small frameworks and rounds for the criterion analysis tests.
import { compileFramework, emptyScores, type CompiledFramework } from "#app/scoring/framework.ts";
import { DEFAULT_BANDS, type DetailedScores, type FrameworkNode } from "#app/scoring/types.ts";

export type Tree = Array<[code: string, title: string, max: number, children?: Tree]>;

function nodes(tree: Tree): FrameworkNode[] {
  return tree.map(([code, title, max, children]) => {
    const kids = children ? nodes(children) : [];
    return {
      code,
      title,
      maxPoints: kids.length ? Math.round(kids.reduce((s, k) => s + k.maxPoints, 0) * 100) / 100 : max,
      source: "APPRAISAL",
      children: kids,
    };
  });
}

export function framework(year: number, tree: Tree): CompiledFramework {
  return compileFramework({
    name: `Bộ chỉ số ${year}`,
    year,
    unitLevel: "XA",
    bands: DEFAULT_BANDS,
    areas: nodes(tree),
  });
}

/** A unit with points by code (leaves) and not-applicable codes. */
export function unit(
  compiled: CompiledFramework,
  id: string,
  points: Record<string, number>,
  notApplicable: string[] = [],
  predecessorIds?: string[],
): DetailedScores {
  const s = emptyScores(compiled, id, `Xã ${id}`);
  for (const [code, p] of Object.entries(points)) {
    const i = compiled.indexByCode.get(code);
    if (i === undefined) throw new Error(`no code ${code}`);
    s.points[i] = p;
  }
  for (const code of notApplicable) s.notApplicable[compiled.indexByCode.get(code)!] = 1;
  return predecessorIds ? { ...s, predecessorIds } : s;
}
