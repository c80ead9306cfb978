import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Matching the five seed plans (../shared/seeds, copied to test/fixtures/seeds)
// against text read back from a rendering: the plan page's lines and the PDF.

export const SEED_FIXTURES = fileURLToPath(new URL("../fixtures/seeds/", import.meta.url));

/** Lines of a seed that are not part of the plan. Compared after normalisation. */
export const DEBRIS: Record<string, string[]> = {
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
export const RENDERED_AS: Record<string, Record<string, string>> = {
  // The renderer always prints "Nơi nhận:" (the form of Decree 30/2020/NĐ-CP);
  // this seed lost the colon.
  "002_55546bf019e13e9d.txt": { "Nơi nhận": "Nơi nhận:" },
};

/** Drops markdown emphasis and collapses whitespace. */
export function normalize(line: string): string {
  return line.normalize("NFC").replace(/\*/g, "").replace(/\s+/g, " ").trim();
}

export interface SeedLine {
  /** 1-based line number in the seed file. */
  no: number;
  text: string;
}

export function readSeed(file: string): string {
  return readFileSync(path.join(SEED_FIXTURES, file), "utf8");
}

export function seedLines(file: string): SeedLine[] {
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

export interface Pos {
  line: number;
  offset: number;
}

/** Matches `text` against the rendered text from `at`; the position after it, or null. */
export function consume(text: string, rendered: readonly string[], at: Pos): Pos | null {
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

export type MatchResult =
  { ok: true; matchedAt: number[] } | { ok: false; seedIndex: number; from: Pos; reason: "missing" | "unfinished" };

/** Finds every seed line in the rendered lines, in order (with backtracking). */
export function matchInOrder(seed: readonly string[], rendered: readonly string[]): MatchResult {
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
  return JSON.stringify(
    `${at > 30 ? "…" : ""}${s.slice(Math.max(0, at - 30), at + 50)}${at + 50 < s.length ? "…" : ""}`,
  );
}

/** A readable account of why a seed did not match its rendering. */
export function report(
  file: string,
  seed: SeedLine[],
  rendered: string[],
  r: Exclude<MatchResult, { ok: true }>,
): string {
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
