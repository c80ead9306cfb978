// SIPAS: the satisfaction index of public administrative services, surveyed
// beside the PAR INDEX. Five components in %, the index is their mean.

import { blockKey, blockOrder } from "#app/scoring/blocks.ts";

export const SIPAS_COMPONENTS = ["access", "procedures", "civilServants", "results", "feedback"] as const;
export type SipasComponent = (typeof SIPAS_COMPONENTS)[number];

export const SIPAS_LABEL: Record<SipasComponent, string> = {
  access: "Tiếp cận dịch vụ",
  procedures: "Thủ tục hành chính",
  civilServants: "Công chức giải quyết TTHC",
  results: "Kết quả giải quyết TTHC",
  feedback: "Tiếp nhận, xử lý góp ý, phản ánh",
};

export type SipasScores = Record<SipasComponent, number>;

export interface SipasRow {
  unitId: string;
  unitName: string;
  components: SipasScores;
  index: number;
  /** Rank by SIPAS within the block, its own ties; null when the unit is not ranked. */
  rank: number | null;
  block: string | null;
}

export interface SipasInput {
  unitId: string;
  unitName: string;
  sipas: SipasScores;
  block?: string | null;
  ranked?: boolean;
}

export function sipasIndex(s: SipasScores): number {
  return SIPAS_COMPONENTS.reduce((sum, c) => sum + s[c], 0) / SIPAS_COMPONENTS.length;
}

/**
 * Units ranked by SIPAS index on its own (its order and ties are not the PAR INDEX's), each block
 * separately, in `blockNames` order; units not ranked follow their block's ranked units with no rank.
 */
export function rankSipas(units: SipasInput[], blockNames: string[] = []): SipasRow[] {
  const order = blockOrder(
    units.map((u) => u.block ?? null),
    blockNames,
  );
  const out: SipasRow[] = [];
  for (const name of order) {
    const key = name === null ? null : blockKey(name);
    const rows = units
      .filter((u) => (u.block?.trim() ? blockKey(u.block) : null) === key)
      .map((u) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        components: u.sipas,
        index: sipasIndex(u.sipas),
        rank: null as number | null,
        block: name,
        ranked: u.ranked ?? true,
      }))
      .sort(
        (a, b) =>
          Number(b.ranked) - Number(a.ranked) || b.index - a.index || a.unitName.localeCompare(b.unitName, "vi"),
      );
    rows.forEach((r, i) => {
      if (!r.ranked) return;
      const prev = rows[i - 1];
      r.rank = prev && prev.rank !== null && Math.abs(prev.index - r.index) < 1e-9 ? prev.rank : i + 1;
    });
    out.push(...rows.map(({ ranked: _ranked, ...row }) => row));
  }
  return out;
}
