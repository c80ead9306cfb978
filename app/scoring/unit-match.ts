// Unit names as people write them in a score file, matched to the round's units.
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";

const UNIT_PREFIX = /^(?:ubnd|[uủ][yỷ] ban nhân dân)\s+/;

/** Case- and whitespace-insensitive, keeps diacritics, drops a leading "UBND " / "Ủy ban nhân dân ". */
export function unitNameKey(name: string): string {
  const key = name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  const stripped = key.replace(UNIT_PREFIX, "");
  return stripped || key;
}

/** unitNameKey without diacritics: "Tánh Linh", "tanh linh" and "TÁNH  LINH" fold alike. */
export function unitNameFold(name: string): string {
  return foldVietnamese(unitNameKey(name));
}

export interface ImportUnit {
  id: string;
  /** Every name the unit may appear under in a file (official name, short name…). */
  names: string[];
}

export type UnitMatch =
  { ok: true; id: string } | { ok: false; reason: "unknown" } | { ok: false; reason: "ambiguous"; ids: string[] };

/**
 * Matches unit names as people write them: first case- and
 * whitespace-insensitively with diacritics (so "Tân Hòa" and "Tân Hóa" stay
 * apart), then without diacritics when that is unambiguous; a leading "UBND "
 * or "Ủy ban nhân dân " is optional on both sides.
 */
export function createUnitMatcher(units: ImportUnit[]): (name: string) => UnitMatch {
  const byKey = new Map<string, Set<string>>();
  const byFold = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, id: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(id);
  };
  for (const u of units) {
    for (const name of u.names) {
      if (typeof name !== "string" || !name.trim()) continue; // tolerate null/empty aliases from the database
      add(byKey, unitNameKey(name), u.id);
      add(byFold, unitNameFold(name), u.id);
    }
  }
  const cache = new Map<string, UnitMatch>();
  return (name: string) => {
    let result = cache.get(name);
    if (result) return result;
    const exact = byKey.get(unitNameKey(name));
    const set = exact ?? byFold.get(unitNameFold(name));
    if (!set) result = { ok: false, reason: "unknown" };
    else if (set.size === 1) result = { ok: true, id: set.values().next().value! };
    else result = { ok: false, reason: "ambiguous", ids: [...set] };
    cache.set(name, result);
    return result;
  };
}

/** A unit's first non-empty name, for messages and SummaryScores/DetailedScores.unitName. */
export function displayNames(units: ImportUnit[]): Map<string, string> {
  return new Map(units.map((u) => [u.id, u.names.find((n) => typeof n === "string" && n.trim())?.trim() ?? u.id]));
}

export function unitError(name: string, match: UnitMatch, names: Map<string, string>): string {
  if (match.ok) return "";
  if (match.reason === "unknown") return `Không tìm thấy đơn vị “${name}” trong đợt đánh giá`;
  return `Tên đơn vị “${name}” khớp với nhiều đơn vị (${match.ids.map((id) => names.get(id) ?? id).join("; ")}); hãy ghi đúng tên có dấu`;
}
