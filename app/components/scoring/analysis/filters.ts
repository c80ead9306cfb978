import { z } from "zod";

// The analysis page's GET search parameters: the block, the criteria table's filters and page, and the
// heat map's order and page. A value that makes no sense falls back to its default (the page still
// answers), so a hand-edited address never fails.

/** Criteria table rows per page. */
export const CRITERIA_PAGE_SIZE = 50;
/** Units per page of the heat map. */
export const HEAT_MAP_PAGE_SIZE = 60;
/** The block filter's value for the units without a block (as on the round page). */
export const NO_BLOCK = "(chưa thuộc khối)";

export const LEVELS = ["linh-vuc", "tieu-chi", "tieu-chi-thanh-phan"] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABEL: Record<Level, string> = {
  "linh-vuc": "Lĩnh vực",
  "tieu-chi": "Tiêu chí",
  "tieu-chi-thanh-phan": "Tiêu chí thành phần",
};

/** Depth of each level in the framework tree (sub-criteria: 2 and below). */
export const LEVEL_DEPTH: Record<Level, number> = { "linh-vuc": 0, "tieu-chi": 1, "tieu-chi-thanh-phan": 2 };

export const SHOW = ["giam", "moi-mat"] as const;
export type Show = (typeof SHOW)[number];

export const SHOW_LABEL: Record<Show, string> = {
  giam: "Chỉ những dòng có điểm trung bình giảm",
  "moi-mat": "Chỉ những dòng có đơn vị mới bị trừ điểm",
};

export const HEAT_ORDER_LABEL = {
  "chi-so": "Theo chỉ số năm nay (cao → thấp)",
  ten: "Theo tên đơn vị",
} as const;

const page = z.coerce.number().int().min(1).max(100_000).catch(1);

export const analysisFiltersSchema = z.object({
  khoi: z.string().trim().max(200).catch(""),
  cap: z.enum(["", ...LEVELS]).catch(""),
  linhvuc: z.string().trim().max(50).catch(""),
  loc: z.enum(["", ...SHOW]).catch(""),
  q: z.string().trim().max(100).catch(""),
  trang: page,
  xep: z.enum(["chi-so", "ten"]).catch("chi-so"),
  trang_dv: page,
});

export type AnalysisFilters = z.infer<typeof analysisFiltersSchema>;

const DEFAULTS: AnalysisFilters = analysisFiltersSchema.parse({});

export function parseAnalysisFilters(params: URLSearchParams): AnalysisFilters {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(DEFAULTS)) {
    const v = params.get(key);
    if (v !== null && v !== "") raw[key] = v;
  }
  return analysisFiltersSchema.parse(raw);
}

/** "?khoi=…&trang=2": the filters with some changed, defaults left out of the address. */
export function filtersQuery(filters: AnalysisFilters, change: Partial<AnalysisFilters> = {}): string {
  const next = { ...filters, ...change };
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(next) as Array<[keyof AnalysisFilters, string | number]>)
    if (value !== DEFAULTS[key]) out.set(key, String(value));
  const s = out.toString();
  return s ? `?${s}` : "?";
}

/** Pages of a list: the page asked for, kept within range. */
export function pageOf<T>(items: T[], page: number, size: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(page, pages);
  return { items: items.slice((p - 1) * size, p * size), page: p, pages };
}
