import autocannon from "autocannon";

export interface LoadSettings {
  connections: number;
  duration: number;
}

export interface LoadFigures {
  target: string;
  url: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

async function fire(url: string, settings: LoadSettings, headers: Record<string, string>) {
  return autocannon({ url, connections: settings.connections, duration: settings.duration, headers });
}

/** Warm-up run (discarded) followed by the measured run, with identical settings for every target. */
export async function measure(
  target: string,
  url: string,
  settings: LoadSettings & { warmup: number },
  headers: Record<string, string> = {},
): Promise<LoadFigures> {
  await fire(url, { ...settings, duration: settings.warmup }, headers);
  const r = await fire(url, settings, headers);
  return {
    target,
    url,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.latency.totalCount,
    non2xx: r.non2xx,
    errors: r.errors,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
  };
}
