import os from "node:os";
import type { LoadFigures } from "#bench/lib/load.ts";

export function printEnvironment(command: string): void {
  console.log(`date:     ${new Date().toISOString()}`);
  console.log(`node:     ${process.version}`);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
  console.log(`cpus:     ${os.cpus().length} (${os.cpus()[0]?.model ?? "unknown"}), load average ${load}`);
  console.log(`command:  ${command}`);
}

/** A plain-text table: first column left-aligned, the rest right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const fixed = (n: number, digits: number) => n.toFixed(digits);

export function printResults(results: LoadFigures[], app: LoadFigures, bare: LoadFigures): void {
  console.log();
  console.log(
    table(
      ["target", "req/s (mean)", "p50 ms", "p99 ms", "requests", "non-2xx", "errors"],
      results.map((r) => [
        r.target,
        fixed(r.requestsPerSecond, 1),
        fixed(r.p50, 1),
        fixed(r.p99, 1),
        String(r.total),
        String(r.non2xx),
        String(r.errors),
      ]),
    ),
  );
  // Latency ratios are meaningless when the bare server answers in under 1 ms (p50 = 0);
  // print "n/a" rather than Infinity.
  const ratio = (a: number, b: number) => (b > 0 ? `${fixed(a / b, 3)}` : "n/a");
  console.log();
  console.log(
    `app/bare  req/s ${ratio(app.requestsPerSecond, bare.requestsPerSecond)}   p50 ${ratio(app.p50, bare.p50)}   p99 ${ratio(app.p99, bare.p99)}`,
  );
}
