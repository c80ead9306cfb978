// Classification (xếp loại) by the total and, where a band says so, by a floor on every area: "group 1
// needs ≥ 90 % overall and no area below 80 %". A unit at 92 % with one area at 75 % is group 2.
import type { ClassBand, ClassFloorMiss } from "#app/scoring/types.ts";

// Ratios are compared with a tolerance so that 48.5/97 and 50/100 tie as the
// same 50 %, while genuinely different indices never do.
export const EPSILON = 1e-9;

export interface AreaPct {
  code: string;
  title: string;
  /** null: the area does not apply to the unit (left out of the floor check). */
  pct: number | null;
}

export interface Classification {
  className: string;
  /** The highest class the total reached but an area's floor refused; null when none did. */
  floor: ClassFloorMiss | null;
}

/**
 * The class of an index. Without area figures (a summary score) floors cannot be checked and the total
 * alone decides; hasFloors() tells the caller to say so.
 */
export function classify(indexPct: number, bands: ClassBand[], areas?: AreaPct[]): Classification {
  let floor: ClassFloorMiss | null = null;
  for (const band of bands) {
    if (indexPct + EPSILON < band.minPct) continue;
    const min = band.minAreaPct;
    if (min !== null && min !== undefined && areas) {
      const below = areas
        .filter((a): a is AreaPct & { pct: number } => a.pct !== null && a.pct + EPSILON < min)
        .sort((a, b) => a.pct - b.pct);
      if (below.length) {
        floor ??= {
          className: band.name,
          minAreaPct: min,
          areas: below.map(({ code, title, pct }) => ({ code, title, pct })),
        };
        continue;
      }
    }
    return { className: band.name, floor };
  }
  return { className: bands[bands.length - 1]?.name ?? "", floor };
}

/** The class name only (charts that colour a value by its band). */
export function classFor(indexPct: number, bands: ClassBand[]): string {
  return classify(indexPct, bands).className;
}

export function hasFloors(bands: ClassBand[]): boolean {
  return bands.some((b) => b.minAreaPct !== null && b.minAreaPct !== undefined);
}
