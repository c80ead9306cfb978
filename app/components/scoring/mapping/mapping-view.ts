// What the code mapping editor shows: one row per node of this year's framework with the previous
// code(s) it is compared with (the stored mapping, else the suggestion and its reason), the previous
// codes to pick from, and the codes left without a counterpart on each side. Pure: no Prisma.
import { MATCH_REASON_LABEL } from "#app/scoring/analysis-labels.ts";
import type { CodeMapping, MappingSuggestion } from "#app/scoring/analysis/types.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";
import { cellsOfMapping } from "#app/scoring/mapping-forms.ts";

export interface MappingEditorRow {
  code: string;
  title: string;
  depth: number;
  maxPoints: number;
  /** The previous code(s) as the input shows them ("3.2.1; 3.2.2"), "" for none. */
  previous: string;
  /** Why the suggestion paired the codes (suggestion only). */
  reason: string | null;
}

export interface MappingEditorView {
  rows: MappingEditorRow[];
  /** Every previous code with its title, for the datalist. */
  previousOptions: Array<{ code: string; title: string }>;
  /** Previous nodes no row names, nor any node under them, topmost only ("Không còn đánh giá"). */
  unusedPrevious: Array<{ code: string; title: string; depth: number }>;
  /** Current codes with no previous code. */
  unmatchedCurrent: number;
}

export function depthsOf(compiled: CompiledFramework): number[] {
  const depth: number[] = [];
  compiled.nodes.forEach((_, i) => {
    const p = compiled.parent[i]!;
    depth.push(p === -1 ? 0 : depth[p]! + 1);
  });
  return depth;
}

export function mappingEditorView(
  current: CompiledFramework,
  previous: CompiledFramework,
  groups: CodeMapping,
  suggestion: MappingSuggestion | null,
): MappingEditorView {
  const cells = cellsOfMapping(groups);
  const reasons = new Map<string, string>();
  for (const g of suggestion?.groups ?? []) for (const c of g.current) reasons.set(c, MATCH_REASON_LABEL[g.reason]);
  const depth = depthsOf(current);
  const rows = current.nodes.map((n, i) => ({
    code: n.code,
    title: n.title,
    depth: depth[i]!,
    maxPoints: n.maxPoints,
    previous: cells.get(n.code) ?? "",
    reason: reasons.get(n.code) ?? null,
  }));
  const used = new Set(groups.flatMap((g) => g.previous));
  const previousDepth = depthsOf(previous);
  return {
    rows,
    previousOptions: previous.nodes.map((n) => ({ code: n.code, title: n.title })),
    unusedPrevious: unusedTops(previous, used).map((i) => ({
      code: previous.nodes[i]!.code,
      title: previous.nodes[i]!.title,
      depth: previousDepth[i]!,
    })),
    unmatchedCurrent: rows.filter((r) => !r.previous).length,
  };
}

/** Nodes whose whole subtree is unused, without those under another such node. */
function unusedTops(compiled: CompiledFramework, used: Set<string>): number[] {
  const tops: number[] = [];
  for (let i = 0; i < compiled.nodes.length;) {
    const end = compiled.subtreeEnd[i]!;
    let any = false;
    for (let j = i; j < end && !any; j++) any = used.has(compiled.nodes[j]!.code);
    if (any) i++;
    else {
      tops.push(i);
      i = end;
    }
  }
  return tops;
}

/**
 * The same list from the codes alone (a node's descendants are the codes it prefixes, "3.2" → "3.2.1"),
 * for the page to follow what is typed.
 */
export function unusedByCode<T extends { code: string }>(nodes: T[], used: Set<string>): T[] {
  const within = (code: string, top: string) => code === top || code.startsWith(`${top}.`);
  const usedCodes = [...used];
  const tops: T[] = [];
  for (const n of nodes) {
    if (tops.some((t) => within(n.code, t.code))) continue;
    if (!usedCodes.some((u) => within(u, n.code))) tops.push(n);
  }
  return tops;
}
