// SIPAS: the satisfaction index of public administrative services, surveyed
// beside the PAR INDEX. Five components in %, the index is their mean.

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
  rank: number;
}

export function sipasIndex(s: SipasScores): number {
  return SIPAS_COMPONENTS.reduce((sum, c) => sum + s[c], 0) / SIPAS_COMPONENTS.length;
}

/** Units ranked by SIPAS index, ties sharing a rank. */
export function rankSipas(units: Array<{ unitId: string; unitName: string; sipas: SipasScores }>): SipasRow[] {
  const rows = units
    .map((u) => ({ unitId: u.unitId, unitName: u.unitName, components: u.sipas, index: sipasIndex(u.sipas), rank: 0 }))
    .sort((a, b) => b.index - a.index || a.unitName.localeCompare(b.unitName, "vi"));
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    r.rank = prev && Math.abs(prev.index - r.index) < 1e-9 ? prev.rank : i + 1;
  });
  return rows;
}
