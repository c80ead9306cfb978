// node --import tsx bench/scoring.ts
// The scoring module's two targets from issue 3, each against a bare reference
// timed in the same run (alternating, so both see the same machine state):
//   1. ranking 10,000 units × 100 sub-criteria with previous-year changes ≤ 100 ms
//      (reference: summing 1,000,000 doubles and sorting 10,000 numbers);
//   2. importing 100,000 detailed score rows from xlsx ≤ 10 s, file read + readTable
//      + parseDetailedScores (reference: exceljs's streaming reader walking the same
//      rows with no conversion or checks).
// Exits 1 when a target is missed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { compileFramework, rankUnits, type UnitResult } from "#app/scoring/index.ts";
import { parseDetailedScores } from "#app/scoring/import-detailed.ts";
import { readTable } from "#app/lib/table/read.server.ts";
import { DEFAULT_BANDS } from "#app/scoring/types.ts";
import { printEnvironment } from "#bench/lib/report.ts";
import {
  benchFramework,
  benchPrevious,
  benchScores,
  seededRandom,
  unitName,
  writeDetailedSheet,
} from "#bench/lib/scoring-data.ts";

const UNITS = 10_000;
const IMPORT_UNITS = 1_000;
const RANK_RUNS = 10;
const RANK_WARMUP = 3;
const IMPORT_RUNS = 3;
const RANK_TARGET_MS = 100;
const IMPORT_TARGET_MS = 10_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

// Keeps results alive so the JIT cannot drop the work.
let sink = 0;

async function benchRanking() {
  const random = seededRandom(2024);
  const framework = benchFramework(random);
  const compiled = compileFramework(framework);
  const leaves = compiled.isLeaf.reduce((s, x) => s + x, 0);
  const units = benchScores(compiled, UNITS, random);
  const previous = benchPrevious(compiled, UNITS, random);
  console.log(
    `ranking:  ${UNITS.toLocaleString("en")} units × ${leaves} sub-criteria (${compiled.nodes.length} nodes), ${previous.length.toLocaleString("en")} previous-year results`,
  );

  const rank = () => rankUnits(units, { bands: DEFAULT_BANDS, compiled, previous });
  const numbers = new Float64Array(1_000_000).map(() => random() * 100);
  const toSort = Array.from({ length: UNITS }, () => random() * 100);
  const bare = () => {
    let s = 0;
    for (let i = 0; i < numbers.length; i++) s += numbers[i]!;
    const sorted = toSort.slice().sort((a, b) => b - a);
    return s + sorted[0]!;
  };

  for (let i = 0; i < RANK_WARMUP; i++) {
    sink += rank().length;
    sink += bare();
  }
  const app: number[] = [];
  const ref: number[] = [];
  let last: UnitResult[] = [];
  for (let i = 0; i < RANK_RUNS; i++) {
    ref.push((await time(bare)).ms);
    const r = await time(rank);
    app.push(r.ms);
    last = r.value;
  }
  const compared = last.filter((r) => r.rankChange !== null).length;
  if (last.length !== UNITS || compared < UNITS * 0.9)
    throw new Error(`ranking check failed: ${last.length} results, ${compared} with a previous rank`);
  return {
    app,
    ref,
    note: `${compared.toLocaleString("en")} units with a rank change; top unit ${last[0]!.indexPct.toFixed(2)} %`,
  };
}

async function benchImport(dir: string) {
  const random = seededRandom(7);
  const compiled = compileFramework(benchFramework(seededRandom(2024)));
  const scores = benchScores(compiled, IMPORT_UNITS, random);
  const file = path.join(dir, "diem-chi-tiet.xlsx");
  const written = await time(() => writeDetailedSheet(file, compiled, scores, random));
  const size = fs.statSync(file).size;
  console.log(
    `import:   ${written.value.toLocaleString("en")} rows (${IMPORT_UNITS.toLocaleString("en")} units × 100 codes), ${(size / 1e6).toFixed(2)} MB xlsx written in ${ms(written.ms)}`,
  );
  const units = scores.map((s, i) => ({ id: s.unitId, names: [unitName(i)] }));

  const full = async () => {
    const data = await fs.promises.readFile(file);
    const table = await readTable({ fileName: file, data });
    const parsed = parseDetailedScores(table, compiled, { units });
    if (!parsed.ok)
      throw new Error(
        `import check failed: ${parsed.errors.length} errors, first: ${JSON.stringify(parsed.errors[0])}`,
      );
    if (parsed.scores.length !== IMPORT_UNITS) throw new Error(`import check failed: ${parsed.scores.length} units`);
    return table.rows.length;
  };
  const bare = async () => {
    const data = await fs.promises.readFile(file);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {});
    let rows = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        sink += (row.values as unknown[]).length;
        rows++;
      }
    }
    return rows - 1;
  };
  const inMemory = async () => {
    const workbook = new ExcelJS.Workbook();
    const data = await fs.promises.readFile(file);
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
    let rows = 0;
    workbook.worksheets[0]!.eachRow(() => rows++);
    return rows - 1;
  };

  const app: number[] = [];
  const ref: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const b = await time(bare);
    ref.push(b.ms);
    const a = await time(full);
    app.push(a.ms);
    if (a.value !== written.value || b.value !== written.value)
      throw new Error(`row count mismatch: ${a.value} / ${b.value} / ${written.value}`);
  }
  const loaded = await time(inMemory);
  return { app, ref, inMemory: loaded.ms };
}

async function main(): Promise<number> {
  printEnvironment("node --import tsx bench/scoring.ts");
  console.log();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-bench-scoring-"));
  try {
    const ranking = await benchRanking();
    const imported = await benchImport(dir);
    const rankMedian = median(ranking.app);
    const rankRef = median(ranking.ref);
    const importMedian = median(imported.app);
    const importRef = median(imported.ref);
    const rankOk = rankMedian <= RANK_TARGET_MS;
    const importOk = importMedian <= IMPORT_TARGET_MS;

    console.log();
    console.log(`rank 10,000 units (rankUnits, median of ${RANK_RUNS} after ${RANK_WARMUP} warm-up runs)`);
    console.log(`  app        ${ms(rankMedian)}   (runs ${ranking.app.map((x) => x.toFixed(1)).join(", ")})`);
    console.log(
      `  bare       ${ms(rankRef)}   (sum 1,000,000 doubles + sort 10,000 numbers; runs ${ranking.ref.map((x) => x.toFixed(1)).join(", ")})`,
    );
    console.log(`  app/bare   ${(rankMedian / rankRef).toFixed(2)}`);
    console.log(`  target     ≤ ${RANK_TARGET_MS} ms: ${rankOk ? "PASS" : "FAIL"}   (${ranking.note})`);
    console.log();
    console.log(
      `import 100,000 detailed rows from xlsx (read + readTable + parseDetailedScores, median of ${IMPORT_RUNS})`,
    );
    console.log(`  app        ${ms(importMedian)}   (runs ${imported.app.map((x) => x.toFixed(0)).join(", ")})`);
    console.log(
      `  bare       ${ms(importRef)}   (exceljs streaming reader, rows only; runs ${imported.ref.map((x) => x.toFixed(0)).join(", ")})`,
    );
    console.log(`  app/bare   ${(importMedian / importRef).toFixed(2)}`);
    console.log(`  target     ≤ ${IMPORT_TARGET_MS.toLocaleString("en")} ms: ${importOk ? "PASS" : "FAIL"}`);
    console.log(
      `  for scale  exceljs in-memory reader (Workbook.xlsx.load, not used): ${ms(imported.inMemory)}, one run`,
    );
    if (sink === 42) console.log("");
    return rankOk && importOk ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
