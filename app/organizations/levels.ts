// The levels of government an organisation sits at: reference data, created by the first-run setup
// (npm run setup) and by the demo seed, from this one list. Lower rank = higher in the hierarchy.
export const ORGANIZATION_LEVELS = [
  { code: "TRUNG_UONG", name: "Trung ương", rank: 0 }, // central bodies (Bộ Nội vụ)
  { code: "TINH", name: "Cấp tỉnh", rank: 10 }, // province, centrally-run city
  { code: "SO", name: "Sở, ban, ngành cấp tỉnh", rank: 15 }, // provincial department or agency
  { code: "HUYEN", name: "Cấp huyện", rank: 20 }, // district, town, provincial city (until 2025-06-30)
  { code: "PHONG", name: "Phòng, ban cấp huyện", rank: 25 }, // district office
  { code: "XA", name: "Cấp xã (xã, phường, thị trấn, đặc khu)", rank: 30 }, // commune, ward, special zone
  { code: "CO_QUAN", name: "Cơ quan, đơn vị khác", rank: 40 }, // other agency or unit
] as const;

export type LevelCode = (typeof ORGANIZATION_LEVELS)[number]["code"];

export const LEVEL_CODES = ORGANIZATION_LEVELS.map((l) => l.code) as [LevelCode, ...LevelCode[]];
