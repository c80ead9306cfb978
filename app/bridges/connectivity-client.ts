// The connectivity test as it runs in the operator's browser: a series of small requests for latency,
// jitter and loss, then a download and an upload sized so that each takes one to three seconds.
import { jitter, mbps, mean, type Figures } from "#app/bridges/verdict.ts";

export type Step = "latency" | "download" | "upload";
/** The steps in the order they run and are listed. */
export const STEPS: Step[] = ["latency", "download", "upload"];
export const STEP_LABEL: Record<Step, string> = {
  latency: "Độ trễ, độ dao động, mất gói",
  download: "Tốc độ tải xuống",
  upload: "Tốc độ tải lên",
};

export interface Progress {
  step: Step;
  /** 0..1 over the whole test. */
  fraction: number;
  message: string;
}

export interface TestOptions {
  /** Query that names the bridge point: "k=<accessKey>". */
  query: string;
  pings?: number;
  timeoutMs?: number;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

const MAX_BYTES = 8 * 1024 * 1024;
const TARGET_MS = 2000;

async function timed<T>(
  run: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  outer?: AbortSignal,
): Promise<{ ms: number; value: T }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const abort = () => controller.abort();
  outer?.addEventListener("abort", abort);
  const start = performance.now();
  try {
    const value = await run(controller.signal);
    return { ms: performance.now() - start, value };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", abort);
  }
}

function randomBody(bytes: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes);
  // getRandomValues fills at most 65,536 bytes a call.
  for (let i = 0; i < bytes; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(bytes, i + 65536)));
  return out;
}

/** Next payload size so that the transfer takes about TARGET_MS, never more than 8 MB. */
export function nextSize(bytes: number, ms: number): number {
  const ideal = ms > 0 ? (bytes * TARGET_MS) / ms : MAX_BYTES;
  return Math.max(64 * 1024, Math.min(MAX_BYTES, Math.round(Math.min(ideal, bytes * 16))));
}

export async function runConnectivityTest(opts: TestOptions): Promise<Figures> {
  const pings = opts.pings ?? 20;
  const timeoutMs = opts.timeoutMs ?? 2000;
  const report = (step: Step, fraction: number, message: string) => opts.onProgress?.({ step, fraction, message });
  const url = (path: string, extra = "") =>
    `/api/connectivity/${path}?${opts.query}${extra}&r=${Math.random().toString(36).slice(2)}`;

  // Latency: one warm-up request (opens the connection), then the series.
  report("latency", 0, "Đang đo độ trễ…");
  await fetch(url("ping"), { cache: "no-store", signal: opts.signal }).catch(() => undefined);
  const rtts: number[] = [];
  let failed = 0;
  for (let i = 0; i < pings; i++) {
    opts.signal?.throwIfAborted();
    try {
      const { ms, value } = await timed(
        async (signal) => {
          const r = await fetch(url("ping"), { cache: "no-store", signal });
          await r.arrayBuffer();
          return r.ok;
        },
        timeoutMs,
        opts.signal,
      );
      if (value) rtts.push(ms);
      else failed++;
    } catch {
      opts.signal?.throwIfAborted();
      failed++;
    }
    report("latency", ((i + 1) / pings) * 0.3, `Đã gửi ${i + 1}/${pings} gói thử`);
  }
  const latencyMs = mean(rtts) ?? timeoutMs;
  const lossPercent = (failed / pings) * 100;

  // Download: grow the payload until one transfer takes at least a second (at most three rounds).
  let bytes = 256 * 1024;
  let downloadMbps = 0;
  for (let round = 0; round < 3; round++) {
    report("download", 0.3 + round * 0.12, `Đang tải xuống ${Math.round(bytes / 1024)} KB…`);
    const { ms, value } = await timed(
      async (signal) => {
        const r = await fetch(url("download", `&bytes=${bytes}`), { cache: "no-store", signal });
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return (await r.arrayBuffer()).byteLength;
      },
      20_000,
      opts.signal,
    );
    downloadMbps = mbps(value, ms);
    if (ms >= 1000 || bytes >= MAX_BYTES) break;
    bytes = nextSize(bytes, ms);
  }

  // Upload, the same way.
  bytes = 128 * 1024;
  let uploadMbps = 0;
  for (let round = 0; round < 3; round++) {
    report("upload", 0.66 + round * 0.11, `Đang tải lên ${Math.round(bytes / 1024)} KB…`);
    const body = randomBody(bytes);
    const { ms, value } = await timed(
      async (signal) => {
        const r = await fetch(url("upload"), {
          method: "POST",
          body,
          cache: "no-store",
          signal,
          headers: { "Content-Type": "application/octet-stream" },
        });
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return ((await r.json()) as { bytes: number }).bytes;
      },
      20_000,
      opts.signal,
    );
    uploadMbps = mbps(value, ms);
    if (ms >= 1000 || bytes >= MAX_BYTES) break;
    bytes = nextSize(bytes, ms);
  }
  report("upload", 1, "Đã đo xong");
  return { latencyMs, jitterMs: jitter(rtts), lossPercent, downloadMbps, uploadMbps };
}
