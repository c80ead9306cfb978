import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Seconds of measured load per target. */
  duration: number;
  connections: number;
  /** Seconds of unmeasured load per target before measuring, so JIT and caches are warm. */
  warmup: number;
}

const DEFAULT_DURATION = 10;
const QUICK_DURATION = 3;
const DEFAULT_CONNECTIONS = 10;
const WARMUP = 2;

export function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string" },
      connections: { type: "string" },
      quick: { type: "boolean", default: false },
    },
    strict: true,
  });
  // An explicit --duration wins over --quick so the two can be combined without surprise.
  const duration = values.duration
    ? positiveInt("duration", values.duration)
    : values.quick
      ? QUICK_DURATION
      : DEFAULT_DURATION;
  const connections = values.connections ? positiveInt("connections", values.connections) : DEFAULT_CONNECTIONS;
  return { duration, connections, warmup: WARMUP };
}
