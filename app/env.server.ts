import path from "node:path";
import { z } from "zod";
import { LOG_LEVELS } from "#app/lib/logger.server.ts";
import { storedSessionSecret } from "#app/lib/session-secret.server.ts";

export const DEFAULT_DATA_DIR = "./data";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/hoinghi.db")
    .refine(
      (v) => v.startsWith("file:") || isPostgresUrl(v),
      "DATABASE_URL phải có dạng file:<đường dẫn tệp SQLite> hoặc postgresql://người-dùng:mật-khẩu@máy-chủ:5432/tên-csdl",
    ),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET phải dài ít nhất 32 ký tự").optional(),
  // Lets a production build run with the demo accounts (npm run demo does this).
  ALLOW_DEMO_CREDENTIALS: z.enum(["true", "false"]).default("false"),
  // Outgoing mail: an smtp:// or smtps:// URL; unset = messages are written to DATA_DIR/outbox.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL phải có dạng smtp://người-dùng:mật-khẩu@máy-chủ:cổng")
    .optional(),
  MAIL_FROM: z.string().default("Hội nghị CCHC <no-reply@hoinghi.local>"),
  // Public address of the app, used in the links of e-mails and calendar entries.
  APP_URL: z
    .string()
    .url("APP_URL phải là một địa chỉ, ví dụ https://hoinghi.quangnam.gov.vn")
    .default("http://localhost:3000"),
  // How long an outbox or job claim holds without renewal: a live instance renews it every third of it,
  // the work of an instance that died is taken up by another once it has run out (milliseconds).
  CLAIM_LEASE_MS: z.coerce.number().int().min(1000, "CLAIM_LEASE_MS phải ít nhất 1000 (mili giây)").default(30_000),
  // "off": this server process only serves requests; the outbox and the job table are worked by
  // `npm run worker` (or by other instances). Default "on": every instance works them too.
  BACKGROUND_WORKERS: z.enum(["on", "off"], "BACKGROUND_WORKERS phải là on hoặc off").default("on"),
  // Uploaded files (evidence documents) live under this folder.
  DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
  // Session cookies are Secure in production; set false only to serve plain http on a LAN.
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  // GET /readyz answers 503 when the disk of DATA_DIR has less free space than this (megabytes).
  READY_MIN_FREE_MB: z.coerce
    .number()
    .int()
    .min(0, "READY_MIN_FREE_MB phải là số mega-byte, từ 0 trở lên")
    .default(500),
  // Read by scripts/serve.js and scripts/worker.ts: how long SIGTERM may take (requests in flight, the
  // message being sent, the job in hand) before the process gives up and exits 1. systemd's
  // TimeoutStopSec must be longer (docs/deploy/hoinghi.service).
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000, "SHUTDOWN_TIMEOUT_MS phải ít nhất 1000 (mili giây)")
    .default(10_000),
  // Read by scripts/serve.js; validated here so a typo ("yes") stops the start instead of being ignored.
  TRUST_PROXY: z.enum(["true", "false"], "TRUST_PROXY phải là true hoặc false").default("false"),
  // The JSON log on stdout (app/lib/logger.server.ts): "info" writes a line per request and per mail or job.
  LOG_LEVEL: z.enum(LOG_LEVELS, `LOG_LEVEL phải là một trong ${LOG_LEVELS.join(", ")}`).default("info"),
  // Unset: GET /metrics does not exist (404). Set: Prometheus sends it as "Authorization: Bearer …".
  METRICS_TOKEN: z
    .string()
    .regex(/^\S{16,}$/, "METRICS_TOKEN phải dài ít nhất 16 ký tự, không có khoảng trắng (ví dụ openssl rand -hex 24)")
    .optional(),
  // npm run worker only: serve its own GET /metrics (mail attempts, jobs, process) on this port, with
  // METRICS_TOKEN. Unset: the worker listens on nothing.
  WORKER_METRICS_PORT: z.coerce
    .number()
    .int()
    .min(1, "WORKER_METRICS_PORT phải là số cổng từ 1 đến 65535")
    .max(65_535, "WORKER_METRICS_PORT phải là số cổng từ 1 đến 65535")
    .optional(),
  // Benchmarks only (bench/run.ts): serve /bench/reference, a constant page of a chosen size, as the list
  // page's reference inside the same build. Unset: that path is a 404 like any unknown page.
  BENCH_REFERENCE_ROUTE: z.enum(["true", "false"], "BENCH_REFERENCE_ROUTE phải là true hoặc false").default("false"),
});

export type Env = z.infer<typeof schema> & { SESSION_SECRET: string };

const MISSING_SECRET =
  "Biến môi trường không hợp lệ:\n  - SESSION_SECRET: bắt buộc khi chạy production (ít nhất 32 ký tự ngẫu nhiên, ví dụ openssl rand -hex 32)";

/**
 * Validates the environment. SESSION_SECRET signs the session cookie, invitation tokens and scanner
 * credentials, so there is no built-in fallback: outside development it must be set. In development
 * a random secret is generated once and kept in DATA_DIR/session-secret.
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Biến môi trường không hợp lệ:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.SESSION_SECRET) return { ...env, SESSION_SECRET: env.SESSION_SECRET };
  if (env.NODE_ENV !== "development") throw new Error(MISSING_SECRET);
  return { ...env, SESSION_SECRET: storedSessionSecret(env.DATA_DIR).secret };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

export type DatabaseKind = "sqlite" | "postgresql";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Which database a DATABASE_URL names: file:… is the embedded SQLite, postgresql://… a PostgreSQL server. */
export function databaseKind(url: string): DatabaseKind {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

/** Absolute path of the SQLite file named by a file: URL (relative paths from the working directory). */
export function sqlitePath(url: string): string {
  if (isPostgresUrl(url)) throw new Error("DATABASE_URL names a PostgreSQL server, not a SQLite file");
  return path.resolve(process.cwd(), url.replace(/^file:/, ""));
}
