// Code mapping between two framework versions: suggested from codes and titles, checked before use.
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";
import type {
  CodeMapping,
  MappingGroup,
  MappingProblem,
  MappingSuggestion,
  MatchReason,
  SuggestedGroup,
} from "#app/scoring/analysis/types.ts";

/** Title for comparison: folded (no diacritics, lower case), punctuation dropped, spaces collapsed. */
export function titleKey(title: string): string {
  return foldVietnamese(title)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Dice coefficient of the titles' word sets, 0–1. */
export function titleSimilarity(a: string, b: string): number {
  const wa = new Set(titleKey(a).split(" ").filter(Boolean));
  const wb = new Set(titleKey(b).split(" ").filter(Boolean));
  if (!wa.size || !wb.size) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

/** Titles at least this similar (word Dice) count as the same criterion reworded. */
export const SIMILAR_TITLE = 0.75;

function depthOf(compiled: CompiledFramework, index: number): number {
  let d = 0;
  for (let p = compiled.parent[index]!; p !== -1; p = compiled.parent[p]!) d++;
  return d;
}

/**
 * Pairs the codes of two framework versions, one to one: the same code with the same or a similar title;
 * then the same title (unique on both sides, same depth) under another code; then a similar title
 * (the best unique match, same depth). Same code with an unrelated title is not paired: the criterion
 * changed, and Nội vụ decides. Splits and merges are never guessed; they are written by editing the
 * groups.
 */
export function suggestMapping(current: CompiledFramework, previous: CompiledFramework): MappingSuggestion {
  const nc = current.nodes.length;
  const np = previous.nodes.length;
  const pairOfCurrent = new Int32Array(nc).fill(-1);
  const pairOfPrevious = new Int32Array(np).fill(-1);
  const reasons = new Map<number, MatchReason>();
  const ckeys = current.nodes.map((n) => titleKey(n.title));
  const pkeys = previous.nodes.map((n) => titleKey(n.title));
  const cdepth = current.nodes.map((_, i) => depthOf(current, i));
  const pdepth = previous.nodes.map((_, i) => depthOf(previous, i));
  const pair = (c: number, p: number, reason: MatchReason) => {
    pairOfCurrent[c] = p;
    pairOfPrevious[p] = c;
    reasons.set(c, reason);
  };

  // 1. Same code, same or similar title.
  for (let c = 0; c < nc; c++) {
    const p = previous.indexByCode.get(current.nodes[c]!.code);
    if (p === undefined) continue;
    if (ckeys[c] === pkeys[p]) pair(c, p, "same-code-same-title");
    else if (titleSimilarity(current.nodes[c]!.title, previous.nodes[p]!.title) >= SIMILAR_TITLE)
      pair(c, p, "same-code-similar-title");
  }

  // 2. Same title under another code: unique among the unpaired nodes on both sides, at the same depth.
  const byKey = (keys: string[], paired: Int32Array) => {
    const m = new Map<string, number[]>();
    keys.forEach((k, i) => {
      if (paired[i] !== -1 || !k) return;
      const list = m.get(k);
      if (list) list.push(i);
      else m.set(k, [i]);
    });
    return m;
  };
  const cByKey = byKey(ckeys, pairOfCurrent);
  const pByKey = byKey(pkeys, pairOfPrevious);
  for (const [key, cs] of cByKey) {
    const ps = pByKey.get(key);
    if (cs.length !== 1 || ps?.length !== 1) continue;
    if (cdepth[cs[0]!] !== pdepth[ps[0]!]) continue;
    pair(cs[0]!, ps[0]!, "same-title");
  }

  // 3. Similar title: each side's best match must be the other (and unique), at the same depth.
  const best = (
    from: number,
    fromNodes: CompiledFramework,
    toNodes: CompiledFramework,
    fromDepth: number[],
    toDepth: number[],
    toPaired: Int32Array,
  ) => {
    let bestIndex = -1;
    let bestScore = 0;
    let tie = false;
    for (let t = 0; t < toNodes.nodes.length; t++) {
      if (toPaired[t] !== -1 || toDepth[t] !== fromDepth[from]) continue;
      const s = titleSimilarity(fromNodes.nodes[from]!.title, toNodes.nodes[t]!.title);
      if (s > bestScore) {
        bestScore = s;
        bestIndex = t;
        tie = false;
      } else if (s === bestScore && s > 0) tie = true;
    }
    return bestScore >= SIMILAR_TITLE && !tie ? bestIndex : -1;
  };
  const candidates: Array<[number, number]> = [];
  for (let c = 0; c < nc; c++) {
    if (pairOfCurrent[c] !== -1) continue;
    const p = best(c, current, previous, cdepth, pdepth, pairOfPrevious);
    if (p === -1) continue;
    if (best(p, previous, current, pdepth, cdepth, pairOfCurrent) === c) candidates.push([c, p]);
  }
  for (const [c, p] of candidates) pair(c, p, "similar-title");

  const groups: SuggestedGroup[] = [];
  const unmatchedCurrent: string[] = [];
  for (let c = 0; c < nc; c++) {
    const p = pairOfCurrent[c]!;
    if (p === -1) unmatchedCurrent.push(current.nodes[c]!.code);
    else
      groups.push({ current: [current.nodes[c]!.code], previous: [previous.nodes[p]!.code], reason: reasons.get(c)! });
  }
  const unmatchedPrevious = previous.nodes.filter((_, p) => pairOfPrevious[p] === -1).map((n) => n.code);
  return { groups, unmatchedCurrent, unmatchedPrevious };
}

/** The default mapping: every code present in both frameworks with itself. */
export function identityMapping(current: CompiledFramework, previous: CompiledFramework): CodeMapping {
  return current.nodes
    .filter((n) => previous.indexByCode.has(n.code))
    .map((n) => ({ current: [n.code], previous: [n.code] }));
}

/**
 * Problems of a mapping, in Vietnamese, each naming its code: a code unknown in its framework, a code in
 * two groups (or twice in one), a group with an empty side. An empty list: the mapping can be used.
 */
export function checkMapping(
  mapping: CodeMapping,
  current: CompiledFramework,
  previous: CompiledFramework,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = { current: new Set<string>(), previous: new Set<string>() };
  const year = (c: CompiledFramework) => c.framework.year;
  mapping.forEach((group: MappingGroup) => {
    for (const side of ["current", "previous"] as const) {
      const compiled = side === "current" ? current : previous;
      const other = side === "current" ? group.previous : group.current;
      const label = side === "current" ? "năm nay" : "năm trước";
      if (!group[side].length) {
        const code = other[0] ?? "";
        problems.push({
          code,
          side,
          message: `Mã ${other.join(", ") || "(trống)"} được ánh xạ nhưng chưa có mã tương ứng trong bộ chỉ số ${label} (${year(compiled)})`,
        });
      }
      for (const raw of group[side]) {
        const code = raw.trim();
        if (!compiled.indexByCode.has(code)) {
          problems.push({
            code,
            side,
            message: `Mã ${code} không có trong bộ chỉ số ${label} (${compiled.framework.name}, ${year(compiled)})`,
          });
        } else if (seen[side].has(code)) {
          problems.push({
            code,
            side,
            message: `Mã ${code} của bộ chỉ số ${label} được ánh xạ hai lần`,
          });
        }
        seen[side].add(code);
      }
    }
  });
  return problems;
}
