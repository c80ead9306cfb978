// node --import tsx bench/analysis.ts
// The criterion analysis target from issue 16, against a bare reference timed in the same run
// (alternating, so both see the same machine state):
//   analyseCriteria of 3,300 units × 100 sub-criteria (140 nodes) against the previous year's 3,300
//   units ≤ 200 ms (reference: one pass over both years' leaf points, summing each leaf's % over the
//   units: the least any analysis must read).
// For scale, also explainUnitChange for every unit (the "why it moved" panel of each unit), not a target.
// Exits 1 when the target is missed.
import { analyseCriteria, explainUnitChange, type AnalysisInput } from "#app/scoring/analysis/index.ts";
import { compileFramework } from "#app/scoring/index.ts";
import { printEnvironment } from "#bench/lib/report.ts";
import { benchFramework, benchScores, seededRandom } from "#bench/lib/scoring-data.ts";

const UNITS = 3_300;
const RUNS = 10;
const WARMUP = 3;
const TARGET_MS = 200;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

// Keeps results alive so the JIT cannot drop the work.
let sink = 0;

function main(): number {
  printEnvironment("node --import tsx bench/analysis.ts");
  console.log();
  const random = seededRandom(2025);
  const compiled = compileFramework(benchFramework(random));
  const leaves = compiled.isLeaf.reduce((s, x) => s + x, 0);
  const current = benchScores(compiled, UNITS, random);
  const previous = benchScores(compiled, UNITS, random);
  console.log(
    `analysis: ${UNITS.toLocaleString("en")} units × ${leaves} sub-criteria (${compiled.nodes.length} nodes), against ${previous.length.toLocaleString("en")} units of the previous year`,
  );

  // A new input object each run: the analysis resolves its input once per object, so no run reuses
  // another's groundwork.
  const input = (): AnalysisInput => ({
    current: { compiled, units: current },
    previous: { compiled, units: previous },
  });
  const analyse = () => analyseCriteria(input());
  const n = compiled.nodes.length;
  const bare = () => {
    const acc = new Float64Array(n);
    for (const round of [current, previous]) {
      for (const u of round) {
        for (let i = 0; i < n; i++) {
          if (!compiled.isLeaf[i] || u.notApplicable[i]) continue;
          const p = u.points[i]!;
          if (p === p) acc[i] = acc[i]! + p / compiled.maxPoints[i]!;
        }
      }
    }
    return acc[n - 1]!;
  };

  for (let i = 0; i < WARMUP; i++) {
    sink += analyse().rows.length;
    sink += bare();
  }
  const app: number[] = [];
  const ref: number[] = [];
  let last = analyse();
  for (let i = 0; i < RUNS; i++) {
    ref.push(time(bare).ms);
    const r = time(analyse);
    app.push(r.ms);
    last = r.value;
  }
  if (last.rows.length !== n || last.comparedUnits !== UNITS)
    throw new Error(`analysis check failed: ${last.rows.length} rows, ${last.comparedUnits} units compared`);

  const everyUnit = time(() => {
    const shared = input();
    let total = 0;
    for (const u of current) total += explainUnitChange(shared, u.unitId)!.criteria.length;
    return total;
  });
  sink += everyUnit.value;

  const appMedian = median(app);
  const refMedian = median(ref);
  const ok = appMedian <= TARGET_MS;
  const drop = last.largestDrops[0];
  console.log();
  console.log(`analyseCriteria (median of ${RUNS} after ${WARMUP} warm-up runs)`);
  console.log(`  app        ${ms(appMedian)}   (runs ${app.map((x) => x.toFixed(1)).join(", ")})`);
  console.log(
    `  bare       ${ms(refMedian)}   (one pass over both years' leaf points; runs ${ref.map((x) => x.toFixed(1)).join(", ")})`,
  );
  console.log(`  app/bare   ${(appMedian / refMedian).toFixed(2)}`);
  console.log(
    `  target     ≤ ${TARGET_MS} ms: ${ok ? "PASS" : "FAIL"}   (${last.rows.length} rows; largest drop ${drop ? `${drop.code} ${drop.change!.toFixed(2)} points of %` : "none"})`,
  );
  console.log(
    `  for scale  explainUnitChange for each of the ${UNITS.toLocaleString("en")} units: ${ms(everyUnit.ms)}, one run`,
  );
  if (sink === 42) console.log("");
  return ok ? 0 : 1;
}

process.exitCode = main();
