// The process's Prometheus metrics (prom-client): one registry per process, served by GET /metrics
// (app/http/metrics-endpoint.server.ts). Each instance has its own; Prometheus scrapes each and sums.
// Metrics are declared where they are measured (the edge, the check-in core, the outbox, the jobs)
// through the helpers here, so a dev reload that evaluates a module again finds its metric instead of
// failing on a duplicate name.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { errorText, logger } from "#app/lib/logger.server.ts";

const g = globalThis as unknown as { hoinghiMetrics?: Registry };

function newRegistry(): Registry {
  const registry = new Registry();
  // CPU, memory, event loop lag, handles, garbage collection: read when scraped.
  collectDefaultMetrics({ register: registry });
  return registry;
}

export const registry: Registry = (g.hoinghiMetrics ??= newRegistry());

interface Config<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
}

export function counter<L extends string>(config: Config<L>): Counter<L> {
  const existing = registry.getSingleMetric(config.name) as Counter<L> | undefined;
  return existing ?? new Counter<L>({ ...config, registers: [registry] });
}

export function histogram<L extends string>(config: Config<L> & { buckets: number[] }): Histogram<L> {
  const existing = registry.getSingleMetric(config.name) as Histogram<L> | undefined;
  return existing ?? new Histogram<L>({ ...config, registers: [registry] });
}

export interface Sample<L extends string> {
  labels: Partial<Record<L, string>>;
  value: number;
}

/**
 * A gauge whose values are read when Prometheus scrapes (a database count), at most once per `ttlMs`
 * however many scrapers ask. A read that fails leaves the gauge empty for that scrape (a missing series
 * rather than a stale one) and logs a warning; the other metrics are still served.
 */
export function sampledGauge<L extends string>(
  config: Config<L> & { read: () => Promise<Sample<L>[]>; ttlMs?: number },
): Gauge<L> {
  const existing = registry.getSingleMetric(config.name) as Gauge<L> | undefined;
  if (existing) return existing;
  const ttlMs = config.ttlMs ?? 5_000;
  let last: { at: number; samples: Promise<Sample<L>[] | null> } | null = null;
  const { read, ttlMs: _ttl, ...gaugeConfig } = config;
  return new Gauge<L>({
    ...gaugeConfig,
    registers: [registry],
    async collect() {
      const now = Date.now();
      if (!last || now - last.at >= ttlMs) {
        const samples = read().catch((error: unknown) => {
          logger.warn(
            { event: "metrics.read-failed", metric: config.name, error: errorText(error) },
            "metrics read failed",
          );
          return null;
        });
        last = { at: now, samples };
      }
      const samples = await last.samples;
      this.reset();
      for (const s of samples ?? []) this.set(s.labels, s.value);
    },
  });
}
