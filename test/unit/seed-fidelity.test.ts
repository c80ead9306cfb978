import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seedOrganization, seedPlanDocumentInput } from "../helpers/seed-plans.ts";
import { buildPlanDocument, planDocumentText } from "../../app/plans/document.ts";
import { outlineSchema } from "../../app/plans/outline.ts";
import { CONFERENCE_STATUSES, ROLES } from "../../app/plans/vocabulary.ts";
import { organizations, users } from "../../prisma/seed-data/organizations.ts";
import { demoPlans, plans } from "../../prisma/seed-data/plans.ts";
import type { SeedPlan } from "../../prisma/seed-data/types.ts";

// The five seed documents are the specification by example: the app's plan
// renderer must reproduce every line of each of them from the transcribed
// data in prisma/seed-data/plans.ts.
//
// The test reads the copies in test/fixtures/seeds (they are the reference, so
// CI needs no ../shared); where ../shared/seeds exists it checks the copies
// have not drifted from the originals.

const FIXTURES = fileURLToPath(new URL("../fixtures/seeds/", import.meta.url));
const SHARED = path.resolve(process.cwd(), "../shared/seeds");

/** Lines of a seed that are not part of the plan. Compared after normalisation. */
const DEBRIS: Record<string, string[]> = {
  // The path of the Word file, printed in the footer of the scanned page.
  "001_bf88ecfcb4ac9dbf.txt": ["I:\\Dropbox\\CÔNG2024\\KH\\NOIVU\\0401-KH HN tổng kết CCHC2023.docx"],
  // A scraped news page: the author's byline, the visitor counter, the login
  // link and the footer badge of the web site around the plan.
  "003_6f09387e19090dbf.txt": [
    "Đình Sơn",
    "Thống kê truy cập",
    "• Đang truy cập: 1",
    "• Hôm nay: 1",
    "• Trong tuần: 1",
    "• Tháng hiện tại: 1",
    "• Tổng lượt truy cập: 1",
    "Đăng nhập",
    "ipv6 ready Chung nhan Tin Nhiem Mang",
  ],
};

/** Seed lines that the renderer prints differently on purpose, with the line it prints. */
const RENDERED_AS: Record<string, Record<string, string>> = {
  // The renderer always prints "Nơi nhận:" (the form of Decree 30/2020/NĐ-CP);
  // this seed lost the colon.
  "002_55546bf019e13e9d.txt": { "Nơi nhận": "Nơi nhận:" },
};

/** Drops markdown emphasis and collapses whitespace. */
function normalize(line: string): string {
  return line.normalize("NFC").replace(/\*/g, "").replace(/\s+/g, " ").trim();
}

const orgByKey = new Map(organizations.map((o) => [o.key, o]));
const org = seedOrganization;
const toDocumentInput = seedPlanDocumentInput;

function renderedLines(plan: SeedPlan): string[] {
  return planDocumentText(buildPlanDocument(toDocumentInput(plan)))
    .map(normalize)
    .filter((l) => l.length > 0);
}

interface SeedLine {
  /** 1-based line number in the seed file. */
  no: number;
  text: string;
}

function readSeed(file: string): string {
  return readFileSync(path.join(FIXTURES, file), "utf8");
}

function seedLines(file: string): SeedLine[] {
  const debris = new Set((DEBRIS[file] ?? []).map(normalize));
  const renderedAs = RENDERED_AS[file] ?? {};
  return readSeed(file)
    .split(/\r?\n/)
    .map((raw, i) => ({ no: i + 1, text: normalize(raw) }))
    .filter((l) => l.text.length > 0 && !debris.has(l.text))
    .map((l) => ({ ...l, text: renderedAs[l.text] ?? l.text }));
}

// ─── In-order matching ──────────────────────────────────────────────────────
// A position in the rendered text: a line, and a character offset into it when
// a seed line ended inside that rendered line. The seeds were extracted from
// Word files and web pages, so their line breaks do not always fall where the
// renderer's do:
//  - a seed line may stop inside a rendered line (a sentence the seed broke
//    across two lines); the following seed line must then continue that same
//    rendered line from where it stopped;
//  - a seed line may run over several rendered lines (the number and the
//    place/date printed on one line).
// Everything else must match whole lines, in order. Rendered lines that the
// seed lacks (the national motto, a blank "Số:" of a web page…) are allowed.

interface Pos {
  line: number;
  offset: number;
}

/** Matches `text` against the rendered text from `at`; the position after it, or null. */
function consume(text: string, rendered: readonly string[], at: Pos): Pos | null {
  let rest = text;
  let { line, offset } = at;
  while (line < rendered.length) {
    const available = rendered[line]!.slice(offset);
    if (rest === available) return { line: line + 1, offset: 0 };
    if (available.startsWith(rest)) {
      // Stops inside the rendered line: only at a word boundary.
      return available[rest.length] === " " ? { line, offset: offset + rest.length + 1 } : null;
    }
    if (!rest.startsWith(`${available} `)) return null;
    rest = rest.slice(available.length + 1);
    line += 1;
    offset = 0;
  }
  return null;
}

type MatchResult =
  | { ok: true; matchedAt: number[] }
  | { ok: false; seedIndex: number; from: Pos; reason: "missing" | "unfinished" };

/** Finds every seed line in the rendered lines, in order (with backtracking). */
function matchInOrder(seed: readonly string[], rendered: readonly string[]): MatchResult {
  const failed = new Set<string>();
  const matchedAt: number[] = [];
  let deepest: { seedIndex: number; from: Pos; reason: "missing" | "unfinished" } = {
    seedIndex: 0,
    from: { line: 0, offset: 0 },
    reason: "missing",
  };

  const search = (i: number, pos: Pos): boolean => {
    if (i === seed.length) {
      if (pos.offset === 0) return true;
      deepest = { seedIndex: i, from: pos, reason: "unfinished" };
      return false;
    }
    const memo = `${i}:${pos.line}:${pos.offset}`;
    if (failed.has(memo)) return false;
    const starts: Pos[] = pos.offset > 0 ? [pos] : rendered.map((_, line) => ({ line, offset: 0 })).slice(pos.line);
    for (const start of starts) {
      const next = consume(seed[i]!, rendered, start);
      if (next && search(i + 1, next)) {
        matchedAt[i] = start.line;
        return true;
      }
    }
    if (i > deepest.seedIndex || (i === deepest.seedIndex && deepest.reason === "missing")) {
      deepest = { seedIndex: i, from: pos, reason: pos.offset > 0 ? "unfinished" : "missing" };
    }
    failed.add(memo);
    return false;
  };

  return search(0, { line: 0, offset: 0 }) ? { ok: true, matchedAt } : { ok: false, ...deepest };
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function around(s: string, at: number): string {
  return JSON.stringify(`${at > 30 ? "…" : ""}${s.slice(Math.max(0, at - 30), at + 50)}${at + 50 < s.length ? "…" : ""}`);
}

/** A readable account of why a seed did not match its rendering. */
function report(file: string, seed: SeedLine[], rendered: string[], r: Exclude<MatchResult, { ok: true }>): string {
  const out: string[] = [];
  if (r.reason === "unfinished") {
    // The previous seed line stopped inside a rendered line; this one does not go on with it.
    const stopped = seed[r.seedIndex - 1]!;
    const next = seed[r.seedIndex];
    const line = rendered[r.from.line] ?? "";
    out.push(
      `${file}: seed line ${stopped.no} stops inside rendered line ${r.from.line + 1}, and the seed does not go on with the rest of it.`,
      `  seed line ${stopped.no}: ${JSON.stringify(stopped.text)}`,
      `  rendered line ${r.from.line + 1}: ${JSON.stringify(line)}`,
      `  rendered text left over: ${JSON.stringify(line.slice(r.from.offset))}`,
      next ? `  next seed line ${next.no}: ${JSON.stringify(next.text)}` : "  (the seed ends there)",
    );
  } else {
    const s = seed[r.seedIndex]!;
    out.push(
      `${file}: seed line ${s.no} is not in the rendered plan (searched from rendered line ${r.from.line + 1}).`,
      `  seed line ${s.no}: ${JSON.stringify(s.text)}`,
    );
    // The rendered line sharing the longest start with it, the nearest one on a tie.
    let best = -1;
    let bestLen = -1;
    const distance = (i: number) => Math.abs(i - r.from.line);
    rendered.forEach((l, i) => {
      const n = commonPrefix(l, s.text);
      if (n > bestLen || (n === bestLen && distance(i) < distance(best))) [best, bestLen] = [i, n];
    });
    if (best >= 0) {
      const l = rendered[best]!;
      out.push(
        `  closest rendered line ${best + 1}: ${JSON.stringify(l)}`,
        `  they differ at character ${bestLen + 1}:`,
        `    seed:     ${around(s.text, bestLen)}`,
        `    rendered: ${around(l, bestLen)}`,
      );
    }
  }
  const from = Math.max(0, r.from.line - 3);
  out.push("  rendered text there:");
  rendered.slice(from, from + 8).forEach((l, i) => out.push(`    ${String(from + i + 1).padStart(3)} | ${l}`));
  return out.join("\n");
}

// ─── Tests ──────────────────────────────────────────────────────────────────

describe("the matcher", () => {
  const rendered = ["Số: /KH-UBND", "Tam Đường, ngày tháng 5 năm 2024", "KẾ HOẠCH", "2. Thời gian: Dự kiến trong tháng 6/2024 (sau).", "Nơi nhận:"];

  it("accepts a seed line split in two and a seed line spanning two rendered lines", () => {
    const seed = ["Số: /KH-UBND Tam Đường, ngày tháng 5 năm 2024", "KẾ HOẠCH", "2. Thời gian: Dự kiến trong", "tháng 6/2024 (sau)."];
    expect(matchInOrder(seed, rendered)).toEqual({ ok: true, matchedAt: [0, 2, 3, 3] });
  });

  it("rejects a missing line, a line out of order and an unfinished rendered line", () => {
    expect(matchInOrder(["KẾ HOẠCH", "Quyết định"], rendered)).toMatchObject({ ok: false, seedIndex: 1, reason: "missing" });
    expect(matchInOrder(["KẾ HOẠCH", "Số: /KH-UBND"], rendered)).toMatchObject({ ok: false, seedIndex: 1 });
    expect(matchInOrder(["2. Thời gian: Dự kiến trong"], rendered)).toMatchObject({ ok: false, reason: "unfinished" });
    // A seed line may only stop at a word boundary: "Nơi nhận" is not "Nơi nhận:".
    expect(matchInOrder(["Nơi nhận"], rendered)).toMatchObject({ ok: false, reason: "missing" });
  });

  it("backtracks when a short line also starts an earlier rendered line", () => {
    expect(matchInOrder(["KẾ", "HOẠCH", "Nơi nhận:"], ["KẾ TOÁN", "KẾ HOẠCH", "Nơi nhận:"])).toEqual({
      ok: true,
      matchedAt: [1, 1, 2],
    });
  });
});

describe("seed fixtures", () => {
  it("are the five seed files, in order", () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".txt")).sort();
    expect(plans.map((p) => p.seedFile)).toEqual(files);
    expect(files).toHaveLength(5);
  });

  it.skipIf(!existsSync(SHARED))("are identical to ../shared/seeds", () => {
    for (const file of readdirSync(SHARED)) {
      expect(readSeed(file), file).toBe(readFileSync(path.join(SHARED, file), "utf8"));
    }
  });
});

describe.each(plans.map((plan) => [plan.seedFile, plan] as const))("seed %s", (file, plan) => {
  const seed = seedLines(file);
  const rendered = renderedLines(plan);

  it("is reproduced line by line, in order, by the plan renderer", () => {
    const result = matchInOrder(
      seed.map((l) => l.text),
      rendered,
    );
    if (!result.ok) expect.fail(report(file, seed, rendered, result));
  });

  it("has its recipients and signature block printed as in the seed", () => {
    const texts = seed.map((l) => l.text);
    const doc = buildPlanDocument(toDocumentInput(plan));
    const start = texts.findIndex((t) => t === "Nơi nhận:");
    if (start < 0) {
      // Seed 003 (a web page) shows neither; nothing may be invented.
      expect(plan.recipients).toEqual([]);
      expect(plan.signerName).toBe("");
      return;
    }
    const signatureStart = texts.findIndex((t, i) => i > start && /^(TM|KT|Q|TL|TUQ)\. /.test(t));
    expect(signatureStart, "the seed's signature block").toBeGreaterThan(start);
    const seedRecipients = texts.slice(start + 1, signatureStart);
    const seedSignature = texts.slice(signatureStart);

    const recipientsAt = rendered.lastIndexOf("Nơi nhận:");
    const signatureLines = doc.signature.length + (doc.signerName ? 1 : 0);
    expect(rendered.slice(recipientsAt + 1, rendered.length - signatureLines)).toEqual(seedRecipients);
    expect(rendered.slice(rendered.length - signatureLines)).toEqual(seedSignature);
    expect(normalize(plan.signerName)).toBe(texts.at(-1));
  });

  it("issues from the place of its organisation", () => {
    expect(plan.issuePlace).toBe(org(plan.organizationKey).placeName);
  });
});

describe("demo plans", () => {
  it.each(demoPlans.map((plan) => [plan.key, plan] as const))("%s renders in the standard layout, sections I., II., III.", (_key, plan) => {
    expect(plan.seedFile).toBe("");
    expect(plan.outline).toBeNull();
    const doc = buildPlanDocument(toDocumentInput(plan));
    const headings = doc.body.filter((n) => n.kind === "heading").map((n) => n.text.split(" ")[0]);
    expect(headings).toEqual(["I.", "II.", "III."]);
    const text = planDocumentText(doc);
    expect(text).toContain(doc.title);
    expect(text.at(-1)).toBe(plan.signerName);
  });

  it("words an exact schedule from its start and end", () => {
    const plan = demoPlans.find((p) => p.key === "da-nang-2026-tong-ket-cchc")!;
    expect(renderedLines(plan)).toContain("5. Thời gian: Từ 08 giờ 00 đến 11 giờ 30, ngày 18 tháng 12 năm 2026.");
  });
});

describe("seed data", () => {
  const allPlans = [...plans, ...demoPlans];

  it("lists organisations once each, parents before children", () => {
    const seen = new Set<string>();
    const codes = new Set<string>();
    for (const o of organizations) {
      expect(seen.has(o.key), `duplicate key ${o.key}`).toBe(false);
      if (o.parentKey) expect(seen.has(o.parentKey), `${o.key} comes before its parent ${o.parentKey}`).toBe(true);
      else expect(o.level, `${o.key} is a root`).toBe("TRUNG_UONG");
      if (o.code) {
        expect(codes.has(o.code), `duplicate code ${o.code}`).toBe(false);
        codes.add(o.code);
      }
      expect(o.documentName).toBe(o.documentName.toLocaleUpperCase("vi"));
      if (o.dissolvedOn) expect(o.dissolvedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      seen.add(o.key);
    }
  });

  it("closes every organisation under a dissolved one no later than its parent", () => {
    for (const o of organizations) {
      const parent = o.parentKey ? org(o.parentKey) : undefined;
      if (parent?.dissolvedOn) {
        expect(o.dissolvedOn, `${o.key} outlives ${parent.key}`).toBeDefined();
        expect(o.dissolvedOn! <= parent.dissolvedOn, `${o.key} outlives ${parent.key}`).toBe(true);
      }
    }
  });

  it("has both administrative structures: province → district → commune, and province → commune since 2025", () => {
    const tamDuongCommunes = organizations.filter((o) => o.parentKey === "tam-duong" && o.level === "XA");
    expect(tamDuongCommunes.length).toBeGreaterThanOrEqual(10);
    const daNang = org("da-nang");
    expect(daNang.dissolvedOn).toBeUndefined();
    const daNangCommunes = organizations.filter((o) => o.parentKey === "da-nang" && o.level === "XA");
    expect(daNangCommunes.length).toBeGreaterThanOrEqual(3);
    expect(daNangCommunes.every((o) => !o.dissolvedOn)).toBe(true);
    expect(org("quang-nam").dissolvedOn).toBe("2025-07-01");
  });

  it("places every user in a known organisation, with every role present", () => {
    const emails = users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const u of users) {
      expect(orgByKey.has(u.organizationKey), u.email).toBe(true);
      expect(u.roles.length, u.email).toBeGreaterThan(0);
    }
    expect(new Set(users.flatMap((u) => u.roles))).toEqual(new Set(ROLES));
    expect(users.find((u) => u.email === "admin@hoinghi.local")).toMatchObject({ organizationKey: "bo-noi-vu", roles: ["ADMIN"] });
  });

  it("links plans, attendee lines and tasks to known organisations", () => {
    const keys = allPlans.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const plan of allPlans) {
      expect(orgByKey.has(plan.organizationKey), plan.key).toBe(true);
      for (const g of plan.attendeeGroups) {
        for (const l of g.lines) if (l.organizationKey) expect(orgByKey.has(l.organizationKey), `${plan.key}: ${l.text}`).toBe(true);
      }
      for (const t of plan.tasks) {
        if (t.organizationKey) expect(orgByKey.has(t.organizationKey), `${plan.key}: ${t.assignee}`).toBe(true);
        if (t.dueDate) expect(t.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      if (plan.outline) expect(outlineSchema.safeParse(plan.outline).success, plan.key).toBe(true);
      for (const iso of [plan.startsAt, plan.endsAt]) {
        if (iso) {
          expect(iso).toMatch(/\+07:00$/);
          expect(Number.isNaN(new Date(iso).getTime())).toBe(false);
        }
      }
    }
  });

  it("shows every status and both kinds of schedule", () => {
    expect(new Set(allPlans.map((p) => p.status))).toEqual(new Set(CONFERENCE_STATUSES));
    expect(allPlans.some((p) => p.startsAt && p.endsAt)).toBe(true);
    expect(allPlans.some((p) => p.tentativeMonth && p.tentativeYear)).toBe(true);
    expect(allPlans.some((p) => p.kind === "REMEDIATION")).toBe(true);
  });
});
