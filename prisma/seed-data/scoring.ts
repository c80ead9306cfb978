import { readFileSync } from "node:fs";
import type { Framework, FrameworkNode } from "#app/scoring/types.ts";
import { TANH_LINH_2024_POINTS } from "#prisma/seed-data/binh-thuan-2024.ts";

// Demo index frameworks (bộ chỉ số) and assessment rounds of the seed
// organisations: the commune index of Tam Đường (seed 000), the district index
// of Bình Thuận that seed 003 quotes (Tánh Linh: 71.11 of 97 points, Khá, 5th
// of 10, up three places on 2022) with its 2024 round on a new framework version
// (binh-thuan-2024.ts: how Tánh Linh's plan went), the published totals of Quảng Nam's
// districts (seed 001); and Đà Nẵng after the 2025 reorganisation: one round
// ranking departments, wards, and communes with the special zone in blocks,
// classed by bands with floors on every area, compared with the city's 2024
// ranking as published.
//
// The per-criterion scores of the detailed rounds are generated, but
// deterministically: each unit gets its total (points, or index in %), the
// survey criteria follow its SIPAS figures, and the points lost on the other
// criteria are spread by a small PRNG seeded with the round and unit keys.
// All arithmetic is in hundredths of a point, so every score has at most two
// decimals and a unit's scores add up exactly to its total.

export interface SeedFramework {
  key: string;
  /** File name in prisma/seed-data/frameworks (a Framework as JSON). */
  file: string;
  /** Issuing organisation. */
  organizationKey: string;
  version: number;
}

export interface SeedSipas {
  /** Percentages 0–100 of the five SIPAS components. */
  access: number;
  procedures: number;
  civilServants: number;
  results: number;
  feedback: number;
}

/** Where a unit stands in its round's ranking (all optional: ranked, no block, compared with itself). */
export interface SeedPlacement {
  /** One of the round's blocks. */
  block?: string;
  /** false: assessed and classed, not ranked (notRankedReason says why). */
  ranked?: boolean;
  notRankedReason?: string;
  /** The rank as the province published it (the file's rank column). */
  publishedRank?: number;
  /** Organisation keys of the previous round's units this unit replaced (a merger). */
  predecessors?: string[];
}

export interface SeedRoundUnit extends SeedPlacement {
  organizationKey: string;
  // DETAILED: final (appraised) points per leaf code; leaves absent = not scored.
  scores?: Record<string, number>;
  /** Self-assessed points (tự chấm) of the appraised leaves; survey leaves have none. */
  selfScores?: Record<string, number>;
  /** Codes of nodes (with their subtrees) that do not apply to the unit. */
  notApplicable?: string[];
  // SUMMARY:
  points?: number;
  maxPoints?: number;
  surveyPoints?: number;
  surveyMaxPoints?: number;
  /** SIPAS survey beside the PAR scores (percentages 0–100). */
  sipas?: SeedSipas;
}

export interface SeedRound {
  key: string;
  /** null = summary-only round (the app uses the default bands). */
  frameworkKey: string | null;
  /** Organisation running the round. */
  organizationKey: string;
  year: number;
  title: string;
  previousRoundKey?: string;
  published: boolean;
  shape: "DETAILED" | "SUMMARY";
  /** Ranking blocks in order (khối); absent: every unit ranked together. */
  blocks?: string[];
  units: SeedRoundUnit[];
}

export const frameworks: SeedFramework[] = [
  { key: "par-index-tinh", file: "par-index-tinh-2017.json", organizationKey: "bo-noi-vu", version: 1 },
  { key: "par-index-xa-tam-duong", file: "par-index-xa-2023.json", organizationKey: "tam-duong", version: 1 },
  {
    key: "par-index-huyen-binh-thuan",
    file: "par-index-huyen-binh-thuan-2023.json",
    organizationKey: "binh-thuan",
    version: 1,
  },
  // The 2024 version of the same index (see binh-thuan-2024.ts for what changed).
  {
    key: "par-index-huyen-binh-thuan-2024",
    file: "par-index-huyen-binh-thuan-2024.json",
    organizationKey: "binh-thuan",
    version: 2,
  },
  {
    key: "par-index-da-nang-2025",
    file: "par-index-da-nang-2025.json",
    organizationKey: "da-nang",
    version: 1,
  },
];

// ─── Generation of detailed scores ──────────────────────────────────────────

function loadFramework(key: string): Framework {
  const entry = frameworks.find((f) => f.key === key);
  if (!entry) throw new Error(`unknown framework ${key}`);
  return JSON.parse(readFileSync(new URL(`./frameworks/${entry.file}`, import.meta.url), "utf8")) as Framework;
}

/** mulberry32, seeded with an FNV-1a hash of a string. */
function prng(seedText: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cents = (points: number) => Math.round(points * 100);
const fromCents = (c: number) => c / 100;

interface Leaf {
  code: string;
  max: number; // hundredths
  survey: boolean;
}

function applicableLeaves(framework: Framework, notApplicable: string[]): Leaf[] {
  const skip = new Set(notApplicable);
  const leaves: Leaf[] = [];
  const visit = (node: FrameworkNode) => {
    if (skip.has(node.code)) return;
    if (!node.children.length)
      leaves.push({ code: node.code, max: cents(node.maxPoints), survey: node.source === "SURVEY" });
    for (const child of node.children) visit(child);
  };
  for (const area of framework.areas) visit(area);
  return leaves;
}

interface UnitSpec extends SeedPlacement {
  org: string;
  /** Exact total of the final points; or */
  points?: number;
  /** the index in % of the unit's maximum (rounded to the hundredth of a point). */
  pct?: number;
  na?: string[];
  /** Generate a SIPAS survey (and score the SIPAS criteria from it). */
  sipas?: boolean;
  /** Areas (by code) brought to exactly this % of their maximum: a weak area that a class floor catches. */
  areaPct?: Record<string, number>;
  /** No other area loses more than down to this % (so that only the weak areas above meet a floor). */
  minAreaPct?: number;
  /**
   * Leaf points set in advance (a story to tell, e.g. which criteria a remediation plan recovered): applied
   * before the rest of the loss is spread over the other appraised leaves; a SIPAS leaf's component follows
   * its points. Not combined with areaPct or minAreaPct.
   */
  fixed?: Record<string, number>;
}

interface DetailedRoundSpec {
  key: string;
  frameworkKey: string;
  /** Leaf codes of the five SIPAS components, in SeedSipas order. */
  sipasCodes: [string, string, string, string, string];
  units: UnitSpec[];
}

function makeSipas(random: () => number, indexPct: number): SeedSipas {
  const base = 62 + 0.33 * indexPct;
  const one = () => Math.min(99.5, Math.round((base - 5 + random() * 9) * 100) / 100);
  return { access: one(), procedures: one(), civilServants: one(), results: one(), feedback: one() };
}

function detailedUnit(framework: Framework, round: DetailedRoundSpec, spec: UnitSpec): SeedRoundUnit {
  const random = prng(`${round.key}/${spec.org}`);
  const na = spec.na ?? [];
  const leaves = applicableLeaves(framework, na);
  const totalMax = leaves.reduce((s, l) => s + l.max, 0);
  const target = spec.points !== undefined ? cents(spec.points) : Math.round(((spec.pct ?? 0) * totalMax) / 100);
  const indexPct = (target / totalMax) * 100;

  const scores = new Map<string, number>(); // hundredths
  const unit: SeedRoundUnit = { organizationKey: spec.org };
  const sipasLeaves = new Map<string, keyof SeedSipas>();
  const components: Array<keyof SeedSipas> = ["access", "procedures", "civilServants", "results", "feedback"];
  if (spec.sipas) {
    unit.sipas = makeSipas(random, indexPct);
    round.sipasCodes.forEach((code, i) => sipasLeaves.set(code, components[i]!));
  }

  // Survey criteria first: from the SIPAS figures, or 70–95 % of their maximum.
  const fixed = new Map(Object.entries(spec.fixed ?? {}).map(([code, p]) => [code, cents(p)]));
  let surveyPoints = 0;
  for (const leaf of leaves) {
    if (!leaf.survey) continue;
    const component = sipasLeaves.get(leaf.code);
    const share = component && unit.sipas ? unit.sipas[component] / 100 : 0.7 + random() * 0.25;
    const p = fixed.get(leaf.code) ?? Math.round(leaf.max * share);
    if (fixed.has(leaf.code) && component && unit.sipas)
      unit.sipas[component] = Math.round((p * 10000) / leaf.max) / 100;
    scores.set(leaf.code, p);
    surveyPoints += p;
  }

  // The appraised criteria lose the rest (after the fixed ones), a step at a time, in a shuffled order.
  const lost = new Map<string, number>();
  if (fixed.size && (spec.areaPct || spec.minAreaPct !== undefined))
    throw new Error(`${round.key}/${spec.org}: fixed points are not combined with area limits`);
  for (const [code, p] of fixed) {
    const leaf = leaves.find((l) => l.code === code);
    if (!leaf || p < 0 || p > leaf.max) throw new Error(`${round.key}/${spec.org}: fixed ${code} = ${p / 100}`);
    if (!leaf.survey) lost.set(code, leaf.max - p);
  }
  const appraised = leaves.filter((l) => !l.survey && !fixed.has(l.code));
  let remaining =
    appraised.reduce((s, l) => s + l.max, 0) -
    (target - surveyPoints) +
    leaves.reduce((s, l) => s + (!l.survey && fixed.has(l.code) ? fixed.get(l.code)! : 0), 0);
  if (remaining < 0 || target > totalMax)
    throw new Error(`${round.key}/${spec.org}: total ${target / 100} cannot be reached`);
  for (let i = appraised.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [appraised[i], appraised[j]] = [appraised[j]!, appraised[i]!];
  }
  // Per-area limits (only when the spec sets areaPct or minAreaPct): how much each area may still lose.
  const areaOf = (code: string) => code.split(".")[0]!;
  const areaRoom = new Map<string, number>();
  if (spec.areaPct || spec.minAreaPct !== undefined) {
    const areaMax = new Map<string, number>();
    const areaSurveyLoss = new Map<string, number>();
    for (const leaf of leaves) {
      const a = areaOf(leaf.code);
      areaMax.set(a, (areaMax.get(a) ?? 0) + leaf.max);
      if (leaf.survey) areaSurveyLoss.set(a, (areaSurveyLoss.get(a) ?? 0) + leaf.max - scores.get(leaf.code)!);
    }
    for (const [a, max] of areaMax) {
      const floor = spec.minAreaPct ?? 0;
      const allowed = max - Math.ceil((floor * max) / 100) - (areaSurveyLoss.get(a) ?? 0);
      areaRoom.set(a, Math.max(0, allowed));
    }
    // The weak areas lose exactly down to their %, first.
    for (const [a, pct] of Object.entries(spec.areaPct ?? {})) {
      let loss = areaMax.get(a)! - Math.round((pct * areaMax.get(a)!) / 100) - (areaSurveyLoss.get(a) ?? 0);
      if (loss > remaining) throw new Error(`${round.key}/${spec.org}: area ${a} cannot lose that much`);
      remaining -= loss;
      for (let pass = 0; loss > 0; pass++) {
        for (const leaf of appraised) {
          if (loss <= 0) break;
          if (areaOf(leaf.code) !== a) continue;
          const already = lost.get(leaf.code) ?? 0;
          const room = leaf.max - already;
          if (room <= 0) continue;
          const step = pass > 0 ? room : random() < 0.5 ? leaf.max : Math.round(leaf.max / 2);
          const take = Math.min(step, room, loss);
          lost.set(leaf.code, already + take);
          loss -= take;
        }
        if (pass > 1 && loss > 0) throw new Error(`${round.key}/${spec.org}: area ${a} cannot lose that much`);
      }
      areaRoom.set(a, 0);
    }
  }
  for (let pass = 0; remaining > 0; pass++) {
    if (pass > 50) throw new Error(`${round.key}/${spec.org}: total ${target / 100} cannot be reached`);
    for (const leaf of appraised) {
      if (remaining <= 0) break;
      const already = lost.get(leaf.code) ?? 0;
      const limit = areaRoom.get(areaOf(leaf.code)) ?? Number.POSITIVE_INFINITY;
      const room = Math.min(leaf.max - already, limit);
      if (room <= 0) continue;
      // First pass: whole criterion missed, half or a quarter of it; later passes take what is left.
      const r = random();
      const step = pass > 0 ? room : r < 0.2 ? leaf.max : r < 0.6 ? Math.round(leaf.max / 2) : Math.round(leaf.max / 4);
      const take = Math.min(step, room, remaining);
      lost.set(leaf.code, already + take);
      remaining -= take;
      if (areaRoom.size) areaRoom.set(areaOf(leaf.code), limit - take);
    }
  }
  const selfScores: Record<string, number> = {};
  for (const leaf of leaves) {
    if (leaf.survey) continue;
    const l = lost.get(leaf.code) ?? 0;
    scores.set(leaf.code, leaf.max - l);
    // Self-assessment is usually more generous than the appraisal.
    const r = random();
    const self = l === 0 ? leaf.max : r < 0.5 ? leaf.max : r < 0.8 ? leaf.max - Math.round(l / 2) : leaf.max - l;
    selfScores[leaf.code] = fromCents(self);
  }

  unit.scores = Object.fromEntries(leaves.map((l) => [l.code, fromCents(scores.get(l.code)!)]));
  unit.selfScores = selfScores;
  if (na.length) unit.notApplicable = [...na];
  for (const key of ["block", "ranked", "notRankedReason", "publishedRank", "predecessors"] as const)
    if (spec[key] !== undefined) Object.assign(unit, { [key]: spec[key] });
  return unit;
}

function detailedUnits(round: DetailedRoundSpec): SeedRoundUnit[] {
  const framework = loadFramework(round.frameworkKey);
  return round.units.map((spec) => detailedUnit(framework, round, spec));
}

// ─── Tam Đường: the communes and township (seed 000) ───────────────────────

const COMMUNE_SIPAS: DetailedRoundSpec["sipasCodes"] = ["3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5"];
// Not applicable: 2.1 when the commune issued no legal document in the year,
// 3.4 when it received no complaint about a procedure, 4.3.1 when no hamlet
// had to be merged, 6.4.2 when no inspection or audit concluded.
const tamDuong = (year: 2022 | 2023, figures: Array<[string, number, number, string[]?]>): UnitSpec[] =>
  figures.map(([slug, pct2022, pct2023, na]) => ({
    org: `tam-duong-${slug}`,
    pct: year === 2022 ? pct2022 : pct2023,
    na,
    sipas: true,
  }));

const TAM_DUONG: Array<[string, number, number, string[]?]> = [
  ["tt-tam-duong", 86.4, 90.35, ["4.3.1"]],
  ["binh-lu", 83.1, 87.2, ["4.3.1"]],
  ["ban-bo", 77.4, 79.8, ["2.1"]],
  ["ban-giang", 80.25, 82.6],
  ["ban-hon", 74.2, 78.05, ["6.4.2"]],
  ["khun-ha", 66.2, 71.9, ["2.1", "3.4"]],
  ["na-tam", 76.8, 75.3],
  ["nung-nang", 71.5, 76.4, ["2.1"]],
  ["son-binh", 78.9, 84.15, ["6.4.2"]],
  ["giang-ma", 72.3, 73.45, ["3.4"]],
  ["ho-thau", 69.7, 68.2, ["2.1", "3.4", "6.4.2"]],
  ["ta-leng", 75.1, 80.9, ["2.1"]],
  ["then-sin", 68.4, 70.25, ["2.1", "6.4.2"]],
];

// ─── Bình Thuận: the ten district-level units (seed 003) ───────────────────

const DISTRICT_SIPAS: DetailedRoundSpec["sipasCodes"] = ["8.1.1", "8.1.2", "8.1.3", "8.1.4", "8.1.5"];
// Phú Quý (an island district of three communes) had no commune or hamlet to
// rearrange (4.3); some units had no inspection conclusion to act on (6.3.2).
const BINH_THUAN_2022: UnitSpec[] = [
  { org: "phan-thiet", pct: 82.57 },
  { org: "la-gi", pct: 80.61, na: ["6.3.2"] },
  { org: "duc-linh", pct: 77.73 },
  { org: "bac-binh", pct: 76.6 },
  { org: "ham-thuan-bac", pct: 75.31 },
  { org: "ham-tan", pct: 74.43, na: ["6.3.2"] },
  { org: "ham-thuan-nam", pct: 72.78 },
  // 68.9 / 97 = 71.03 %: Khá, 8th.
  { org: "tanh-linh", points: 68.9 },
  { org: "tuy-phong", pct: 68.87 },
  { org: "phu-quy", pct: 66.28, na: ["4.3", "6.3.2"] },
].map((u) => ({ ...u, sipas: true }));

const BINH_THUAN_2023: UnitSpec[] = [
  { org: "phan-thiet", pct: 85.02 },
  { org: "la-gi", pct: 81.76 },
  { org: "ham-thuan-bac", pct: 77.53 },
  { org: "duc-linh", pct: 76.18, na: ["6.3.2"] },
  // Seed 003: 71.11 / 97 = 73.31 %, Khá, 5th of 10, three places up on 2022.
  { org: "tanh-linh", points: 71.11 },
  { org: "bac-binh", pct: 72.2 },
  { org: "ham-tan", pct: 71.24 },
  { org: "ham-thuan-nam", pct: 69.47 },
  { org: "tuy-phong", pct: 68.06 },
  { org: "phu-quy", pct: 65.9, na: ["4.3"] },
].map((u) => ({ ...u, sipas: true }));

// 2024, on the new framework (3.6 dropped: nobody loses points on it any more). Tánh Linh's plan worked
// on most of its criteria: 79.62 / 97 = 82.08 %, Tốt, 3rd, two places up (binh-thuan-2024.ts).
const BINH_THUAN_2024: UnitSpec[] = [
  { org: "phan-thiet", pct: 86.1 },
  { org: "la-gi", pct: 83.45 },
  { org: "tanh-linh", points: 79.62, fixed: TANH_LINH_2024_POINTS },
  { org: "ham-thuan-bac", pct: 80.9 },
  { org: "bac-binh", pct: 76.35 },
  { org: "duc-linh", pct: 75.6 },
  { org: "ham-thuan-nam", pct: 73.8 },
  { org: "ham-tan", pct: 72.05, na: ["6.3.2"] },
  { org: "tuy-phong", pct: 70.4 },
  { org: "phu-quy", pct: 67.75, na: ["4.3"] },
].map((u) => ({ ...u, sipas: true }));

// ─── Đà Nẵng after the 2025 reorganisation ─────────────────────────────────
// The city ranks its departments, its wards, and its communes with the special zone in three blocks, with
// one framework whose classes have floors on every area. Departments merged on 1 March 2025 are compared
// with the departments they were formed from; the wards and communes formed on 1 July 2025 have no result
// of their own in 2024 (the city ranked its districts then) and are new units. Hoàng Sa has no
// administration on site: it is assessed on the criteria that apply and left out of the ranking.

const DN_SIPAS: DetailedRoundSpec["sipasCodes"] = ["8.1", "8.2", "8.3", "8.4", "8.5"];
export const DN_BLOCKS = ["Khối sở, ban, ngành", "Khối phường", "Khối xã, đặc khu"] as const;
const [DN_DEPARTMENTS, DN_WARDS, DN_COMMUNES] = DN_BLOCKS;
const DN_2024_DISTRICTS = "Khối quận, huyện";

// The 2024 ranking as published (points of 100, of which 30 from the survey). The decision ranked 20
// departments and agencies; the file typed here has the 17 that the 2025 round compares with, so their
// published ranks (with gaps for Sở Du lịch, Sở Ngoại vụ and the high-tech park board) are not the ranks a
// recomputation of this file would give.
const DN_2024: Array<[string, number, number, string]> = [
  ["da-nang-so-tu-phap", 92.36, 1, DN_DEPARTMENTS],
  ["da-nang-van-phong", 91.05, 3, DN_DEPARTMENTS],
  ["da-nang-so-noi-vu", 90.12, 4, DN_DEPARTMENTS],
  ["da-nang-so-tttt", 89.7, 5, DN_DEPARTMENTS],
  ["da-nang-so-tai-chinh", 88.95, 6, DN_DEPARTMENTS],
  ["da-nang-so-khcn", 88.4, 7, DN_DEPARTMENTS],
  ["da-nang-so-y-te", 87.62, 9, DN_DEPARTMENTS],
  ["da-nang-so-khdt", 87.1, 10, DN_DEPARTMENTS],
  ["da-nang-so-gddt", 86.55, 11, DN_DEPARTMENTS],
  ["da-nang-so-cong-thuong", 85.9, 12, DN_DEPARTMENTS],
  ["da-nang-thanh-tra", 84.7, 14, DN_DEPARTMENTS],
  ["da-nang-so-xay-dung", 84.02, 15, DN_DEPARTMENTS],
  ["da-nang-so-vhtt", 83.3, 16, DN_DEPARTMENTS],
  ["da-nang-so-tnmt", 82.46, 17, DN_DEPARTMENTS],
  ["da-nang-so-ldtbxh", 81.8, 18, DN_DEPARTMENTS],
  ["da-nang-so-gtvt", 80.95, 19, DN_DEPARTMENTS],
  ["da-nang-so-nnptnt", 79.6, 20, DN_DEPARTMENTS],
  ["da-nang-quan-hai-chau", 91.8, 1, DN_2024_DISTRICTS],
  ["da-nang-quan-son-tra", 90.2, 2, DN_2024_DISTRICTS],
  ["da-nang-quan-thanh-khe", 89.45, 3, DN_2024_DISTRICTS],
  ["da-nang-quan-cam-le", 88.1, 4, DN_2024_DISTRICTS],
  ["da-nang-quan-lien-chieu", 87.3, 5, DN_2024_DISTRICTS],
  ["da-nang-quan-ngu-hanh-son", 86.75, 6, DN_2024_DISTRICTS],
  ["da-nang-huyen-hoa-vang", 84.9, 7, DN_2024_DISTRICTS],
];

const daNang2024Units = (): SeedRoundUnit[] =>
  DN_2024.map(([org, points, rank, block], i) => ({
    organizationKey: org,
    points,
    maxPoints: 100,
    // The survey part: close to the total's share, a little above or below it.
    surveyPoints: Math.round(points * 30 + ((i * 37) % 11) * 10 - 50) / 100,
    surveyMaxPoints: 30,
    publishedRank: rank,
    block,
  }));

// 2025: index in %, the class floor each unit stays clear of (minAreaPct) or the weak area a floor catches.
const HOANG_SA_REASON =
  "Đặc khu Hoàng Sa chưa tổ chức bộ máy chính quyền tại chỗ: đánh giá các tiêu chí áp dụng, không xếp hạng";
const DA_NANG_2025: UnitSpec[] = (
  [
    // Khối sở, ban, ngành: merged departments compared with those they were formed from.
    { org: "da-nang-so-tu-phap", pct: 93.45, minAreaPct: 80, block: DN_DEPARTMENTS },
    {
      org: "da-nang-so-noi-vu",
      pct: 92.1,
      minAreaPct: 80,
      block: DN_DEPARTMENTS,
      predecessors: ["da-nang-so-noi-vu", "da-nang-so-ldtbxh"],
    },
    { org: "da-nang-van-phong", pct: 91.62, minAreaPct: 80, block: DN_DEPARTMENTS },
    // 90.85 % but administrative procedures (area 3) at 75 %: Tốt, not Xuất sắc.
    { org: "da-nang-so-y-te", pct: 90.85, areaPct: { "3": 75 }, minAreaPct: 80, block: DN_DEPARTMENTS },
    {
      org: "da-nang-so-khcn",
      pct: 89.74,
      minAreaPct: 70,
      block: DN_DEPARTMENTS,
      predecessors: ["da-nang-so-khcn", "da-nang-so-tttt"],
    },
    {
      org: "da-nang-so-tai-chinh",
      pct: 88.31,
      minAreaPct: 70,
      block: DN_DEPARTMENTS,
      predecessors: ["da-nang-so-tai-chinh", "da-nang-so-khdt"],
    },
    { org: "da-nang-so-cong-thuong", pct: 87.9, minAreaPct: 70, block: DN_DEPARTMENTS },
    { org: "da-nang-so-gddt", pct: 86.4, minAreaPct: 70, block: DN_DEPARTMENTS },
    {
      org: "da-nang-so-xay-dung",
      pct: 84.15,
      minAreaPct: 70,
      block: DN_DEPARTMENTS,
      predecessors: ["da-nang-so-xay-dung", "da-nang-so-gtvt"],
    },
    { org: "da-nang-thanh-tra", pct: 83.2, minAreaPct: 70, block: DN_DEPARTMENTS },
    {
      org: "da-nang-so-nnmt",
      pct: 81.05,
      minAreaPct: 70,
      block: DN_DEPARTMENTS,
      predecessors: ["da-nang-so-nnptnt", "da-nang-so-tnmt"],
    },
    // The city compares the new department with the Sở Văn hóa và Thể thao it was formed around.
    { org: "da-nang-so-vhttdl", pct: 78.6, block: DN_DEPARTMENTS, predecessors: ["da-nang-so-vhtt"] },
    // Khối phường: new wards, no result of their own in 2024.
    { org: "da-nang-hai-chau", pct: 94.2, minAreaPct: 80, block: DN_WARDS },
    // 92.75 % but digital government (area 7) at 75 %: Tốt.
    { org: "da-nang-hoi-an", pct: 92.75, areaPct: { "7": 75 }, minAreaPct: 80, block: DN_WARDS },
    { org: "da-nang-thanh-khe", pct: 91.3, minAreaPct: 80, block: DN_WARDS },
    { org: "da-nang-son-tra", pct: 90.4, minAreaPct: 80, block: DN_WARDS },
    { org: "da-nang-hoa-cuong", pct: 88.7, minAreaPct: 70, block: DN_WARDS },
    { org: "da-nang-ngu-hanh-son", pct: 87.25, minAreaPct: 70, block: DN_WARDS },
    { org: "da-nang-tam-ky", pct: 86.1, minAreaPct: 70, block: DN_WARDS },
    { org: "da-nang-lien-chieu", pct: 84.6, minAreaPct: 70, block: DN_WARDS },
    { org: "da-nang-cam-le", pct: 82.35, minAreaPct: 70, block: DN_WARDS },
    { org: "da-nang-dien-ban", pct: 79.4, block: DN_WARDS },
    // Khối xã, đặc khu.
    { org: "da-nang-hoa-vang", pct: 89.6, minAreaPct: 70, block: DN_COMMUNES },
    { org: "da-nang-ba-na", pct: 86.2, minAreaPct: 70, block: DN_COMMUNES },
    { org: "da-nang-tan-hiep", pct: 84.75, minAreaPct: 70, block: DN_COMMUNES, na: ["6.1.1"] },
    { org: "da-nang-nui-thanh", pct: 83.1, minAreaPct: 70, block: DN_COMMUNES },
    { org: "da-nang-duy-xuyen", pct: 80.9, minAreaPct: 70, block: DN_COMMUNES },
    { org: "da-nang-thang-binh", pct: 78.45, block: DN_COMMUNES },
    { org: "da-nang-dai-loc", pct: 75.2, block: DN_COMMUNES },
  ] as UnitSpec[]
).map((u) => ({ ...u, sipas: true }));
// No procedure handled, no survey, no public investment on the islands.
DA_NANG_2025.push({
  org: "da-nang-hoang-sa",
  pct: 76.5,
  na: ["3", "6.1.1", "8"],
  block: DN_COMMUNES,
  ranked: false,
  notRankedReason: HOANG_SA_REASON,
});

// ─── The rounds ─────────────────────────────────────────────────────────────

const detailed = (
  spec: DetailedRoundSpec,
  meta: Omit<SeedRound, "key" | "frameworkKey" | "shape" | "units">,
): SeedRound => ({
  key: spec.key,
  frameworkKey: spec.frameworkKey,
  shape: "DETAILED",
  ...meta,
  units: detailedUnits(spec),
});

export const rounds: SeedRound[] = [
  detailed(
    {
      key: "tam-duong-xa-2022",
      frameworkKey: "par-index-xa-tam-duong",
      sipasCodes: COMMUNE_SIPAS,
      units: tamDuong(2022, TAM_DUONG),
    },
    {
      organizationKey: "tam-duong",
      year: 2022,
      title: "Chỉ số cải cách hành chính các xã, thị trấn huyện Tam Đường năm 2022",
      published: true,
    },
  ),
  // Seed 000: the conference of June 2024 announces this round, so it is
  // still a draft in the demo.
  detailed(
    {
      key: "tam-duong-xa-2023",
      frameworkKey: "par-index-xa-tam-duong",
      sipasCodes: COMMUNE_SIPAS,
      units: tamDuong(2023, TAM_DUONG),
    },
    {
      organizationKey: "tam-duong",
      year: 2023,
      title: "Chỉ số cải cách hành chính các xã, thị trấn huyện Tam Đường năm 2023",
      previousRoundKey: "tam-duong-xa-2022",
      published: false,
    },
  ),
  detailed(
    {
      key: "binh-thuan-huyen-2022",
      frameworkKey: "par-index-huyen-binh-thuan",
      sipasCodes: DISTRICT_SIPAS,
      units: BINH_THUAN_2022,
    },
    {
      organizationKey: "binh-thuan",
      year: 2022,
      title: "Chỉ số cải cách hành chính UBND các huyện, thị xã, thành phố tỉnh Bình Thuận năm 2022",
      published: true,
    },
  ),
  detailed(
    {
      key: "binh-thuan-huyen-2023",
      frameworkKey: "par-index-huyen-binh-thuan",
      sipasCodes: DISTRICT_SIPAS,
      units: BINH_THUAN_2023,
    },
    {
      organizationKey: "binh-thuan",
      year: 2023,
      // Published by Quyết định 16/QĐ-UBND of 05/01/2024 (seed 003).
      title: "Chỉ số cải cách hành chính UBND các huyện, thị xã, thành phố tỉnh Bình Thuận năm 2023",
      previousRoundKey: "binh-thuan-huyen-2022",
      published: true,
    },
  ),
  // A year after seed 003: the first round on the 2024 framework, published (Tánh Linh sees how its
  // plan went); compared with 2023 through the mapping Nội vụ confirmed.
  detailed(
    {
      key: "binh-thuan-huyen-2024",
      frameworkKey: "par-index-huyen-binh-thuan-2024",
      sipasCodes: DISTRICT_SIPAS,
      units: BINH_THUAN_2024,
    },
    {
      organizationKey: "binh-thuan",
      year: 2024,
      title: "Chỉ số cải cách hành chính UBND các huyện, thị xã, thành phố tỉnh Bình Thuận năm 2024",
      previousRoundKey: "binh-thuan-huyen-2023",
      published: true,
    },
  ),
  // Seed 001: the province publishes only the totals of its districts; points
  // out of 100, of which surveyPoints came from the sociological survey.
  {
    key: "quang-nam-huyen-2023",
    frameworkKey: null,
    organizationKey: "quang-nam",
    year: 2023,
    title: "Chỉ số cải cách hành chính UBND các huyện, thị xã, thành phố tỉnh Quảng Nam năm 2023",
    published: true,
    shape: "SUMMARY",
    units: [
      {
        organizationKey: "hoi-an",
        points: 88.42,
        maxPoints: 100,
        surveyPoints: 31.86,
        sipas: { access: 89.6, procedures: 87.35, civilServants: 91.2, results: 88.74, feedback: 84.1 },
      },
      {
        organizationKey: "tam-ky",
        points: 87.15,
        maxPoints: 100,
        surveyPoints: 31.02,
        sipas: { access: 88.3, procedures: 86.91, civilServants: 90.05, results: 87.62, feedback: 83.4 },
      },
      {
        organizationKey: "nui-thanh",
        points: 84.6,
        maxPoints: 100,
        surveyPoints: 30.47,
        sipas: { access: 86.12, procedures: 84.5, civilServants: 88.73, results: 85.9, feedback: 80.26 },
      },
      {
        organizationKey: "duy-xuyen",
        points: 83.07,
        maxPoints: 100,
        surveyPoints: 29.88,
        sipas: { access: 85.4, procedures: 83.12, civilServants: 87.5, results: 84.33, feedback: 79.85 },
      },
      {
        organizationKey: "dai-loc",
        points: 81.9,
        maxPoints: 100,
        surveyPoints: 29.95,
        sipas: { access: 85.77, procedures: 82.6, civilServants: 86.94, results: 84.05, feedback: 78.9 },
      },
      {
        organizationKey: "thang-binh",
        points: 78.52,
        maxPoints: 100,
        surveyPoints: 28.61,
        sipas: { access: 83.25, procedures: 80.4, civilServants: 84.1, results: 81.36, feedback: 76.52 },
      },
    ],
  },
  // Đà Nẵng before the two-tier reform: departments and districts ranked apart, published totals.
  {
    key: "da-nang-2024",
    frameworkKey: null,
    organizationKey: "da-nang",
    year: 2024,
    title: "Chỉ số cải cách hành chính năm 2024 của các sở, ban, ngành và UBND các quận, huyện thành phố Đà Nẵng",
    published: true,
    shape: "SUMMARY",
    blocks: [DN_DEPARTMENTS, DN_2024_DISTRICTS],
    units: daNang2024Units(),
  },
  detailed(
    { key: "da-nang-2025", frameworkKey: "par-index-da-nang-2025", sipasCodes: DN_SIPAS, units: DA_NANG_2025 },
    {
      organizationKey: "da-nang",
      year: 2025,
      title:
        "Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành và UBND các xã, phường, đặc khu thành phố Đà Nẵng",
      previousRoundKey: "da-nang-2024",
      published: true,
      blocks: [...DN_BLOCKS],
    },
  ),
];
