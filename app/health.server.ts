// GET /healthz and GET /readyz, answered by the edge (app/http/edge.server.ts) ahead of Express and Remix:
// no session, no rate limit, no log line, for systemd, nginx and monitors that ask every few seconds.
// /healthz: the process answers (nothing else is looked at). /readyz: this instance can do its work — the
// database answers where DATABASE_URL says and carries every migration of this build, the outbox is not
// stuck, the disk of DATA_DIR has room. The paths are public, so an answer names the checks and their
// state and nothing else: no path, no error text, no count. The cause goes to the server's log, once
// per change.
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { prisma } from "#app/database/db.server.ts";
import { PG_MIGRATIONS_DIR } from "#app/database/migrate-pg.server.ts";
import { listMigrations, MIGRATIONS_DIR } from "#app/database/migration-files.server.ts";
import { env, isPostgresUrl, sqlitePath } from "#app/env.server.ts";
import { logger } from "#app/lib/logger.server.ts";
import type { PrismaClient } from "#app/generated/prisma/client.ts";

export const LIVENESS_PATH = "/healthz";
export const READINESS_PATH = "/readyz";

export type CheckName = "database" | "migrations" | "outbox" | "disk";
/** "skipped": not looked at because the database does not answer. */
export type CheckState = "ok" | "fail" | "skipped";

export interface Readiness {
  ready: boolean;
  checks: Record<CheckName, CheckState>;
}

export interface ReadinessOptions {
  databaseUrl: string;
  dataDir: string;
  minFreeBytes: number;
  db?: PrismaClient;
  /** Each check's bound: a database that does not answer (a lost network) must not hold the answer. */
  timeoutMs?: number;
}

/** A due message waiting this long with nobody sending: no sender is alive (none running, or all wedged). */
export const QUEUED_STUCK_MS = 15 * 60_000;
/** A claim whose lease ran out this long ago: no live instance is taking dead instances' work back. */
export const LEASE_OVERDUE_MS = 5 * 60_000;
/** Monitors and nginx asking every second cost one evaluation per this interval, whatever their number. */
export const CACHE_MS = 1_500;
const CHECK_TIMEOUT_MS = 2_000;

export async function checkReadiness(o: ReadinessOptions): Promise<Readiness> {
  const db = o.db ?? prisma;
  const bound = o.timeoutMs ?? CHECK_TIMEOUT_MS;
  const checks: Record<CheckName, CheckState> = {
    database: "fail",
    migrations: "skipped",
    outbox: "skipped",
    disk: "fail",
  };
  const disk = passes("disk", bound, async () => (await freeBytes(o.dataDir)) >= o.minFreeBytes);
  if (await passes("database", bound, () => databaseAnswers(o.databaseUrl, db))) {
    checks.database = "ok";
    const [migrations, outbox] = await Promise.all([
      passes("migrations", bound, () => migrated(o.databaseUrl, db)),
      passes("outbox", bound, () => outboxMoving(db)),
    ]);
    checks.migrations = migrations ? "ok" : "fail";
    checks.outbox = outbox ? "ok" : "fail";
  }
  checks.disk = (await disk) ? "ok" : "fail";
  return { ready: Object.values(checks).every((s) => s === "ok"), checks };
}

async function databaseAnswers(url: string, db: PrismaClient): Promise<boolean> {
  if (!isPostgresUrl(url)) {
    // The app's open connection keeps reading a file that was moved or replaced under it; what a restart
    // (or another instance) would open is the file at its path, so that is the one looked at.
    const file = new Database(sqlitePath(url), { readonly: true, fileMustExist: true, timeout: 250 });
    try {
      file.prepare("SELECT count(*) FROM sqlite_master").get();
    } finally {
      file.close();
    }
  }
  await db.$queryRawUnsafe("SELECT 1");
  return true;
}

// The build's migrations do not change while it runs: read once.
const migrationFiles = new Map<string, string[]>();

function expectedMigrations(url: string): string[] {
  const dir = isPostgresUrl(url) ? PG_MIGRATIONS_DIR : MIGRATIONS_DIR;
  let names = migrationFiles.get(dir);
  if (!names) {
    names = listMigrations(dir).map((m) => `${m.name} ${m.checksum}`);
    migrationFiles.set(dir, names);
  }
  return names;
}

/** Every migration of this build is recorded as applied, with the checksum of its file (as migrate does). */
async function migrated(url: string, db: PrismaClient): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<Array<{ name: string; checksum: string }>>(
    `SELECT "migration_name" AS "name", "checksum" FROM "_prisma_migrations"
     WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
  );
  const applied = new Set(rows.map((r) => `${r.name} ${r.checksum}`));
  return expectedMigrations(url).every((m) => applied.has(m));
}

async function outboxMoving(db: PrismaClient): Promise<boolean> {
  const now = Date.now();
  const abandoned = await db.outboxMessage.findFirst({
    where: { status: "SENDING", leaseUntil: { lt: new Date(now - LEASE_OVERDUE_MS) } },
    select: { id: true },
  });
  if (abandoned) return false;
  const waiting = await db.outboxMessage.findFirst({
    where: { status: "QUEUED", nextAttemptAt: { lt: new Date(now - QUEUED_STUCK_MS) } },
    select: { id: true },
  });
  if (!waiting) return true;
  // A mass mailing keeps messages waiting a long time while a sender works through the queue: that is
  // progress as long as someone holds a live claim. Looked at twice, as a sender is between two batches
  // (no claim at all) for a moment.
  for (let look = 0; look < 2; look++) {
    if (look > 0) await sleep(250);
    const sending = await db.outboxMessage.findFirst({
      where: { status: "SENDING", leaseUntil: { gte: new Date() } },
      select: { id: true },
    });
    if (sending) return true;
  }
  return false;
}

async function freeBytes(dir: string): Promise<number> {
  let at = path.resolve(dir);
  // Not made yet (nothing written so far): the disk it will be made on.
  while (!fs.existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  const stats = await fs.promises.statfs(at);
  return stats.bavail * stats.bsize;
}

const NOT_MET: Record<CheckName, string> = {
  database: "no answer",
  migrations: "a migration of this build is not applied",
  outbox: "messages are waiting and no sender is alive",
  disk: "free space below READY_MIN_FREE_MB",
};

// What the log last said about each check, so a failing check is logged when it starts and stops failing.
const lastLogged = new Map<CheckName, boolean>();

async function passes(name: CheckName, bound: number, check: () => Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${bound} ms`)), bound);
  });
  let ok: boolean;
  let cause = "";
  try {
    ok = await Promise.race([check(), timeout]);
    if (!ok) cause = NOT_MET[name];
  } catch (error) {
    ok = false;
    // Prisma's messages run over several lines: one line in the log.
    cause = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  } finally {
    clearTimeout(timer);
  }
  if (lastLogged.get(name) !== ok && (!ok || lastLogged.has(name))) {
    console.warn(`[hoinghi] readyz: ${name} ${ok ? "ok again" : `failing: ${cause}`}`);
  }
  lastLogged.set(name, ok);
  return ok;
}

let cached: { result: Promise<Readiness>; settledAt: number | null } | undefined;

/** The instance's readiness, evaluated at most once per CACHE_MS (concurrent callers share one evaluation). */
export function readiness(now = Date.now()): Promise<Readiness> {
  if (cached && (cached.settledAt === null || now - cached.settledAt < CACHE_MS)) return cached.result;
  const settings = env();
  const entry: NonNullable<typeof cached> = {
    settledAt: null,
    result: checkReadiness({
      databaseUrl: settings.DATABASE_URL,
      dataDir: settings.DATA_DIR,
      minFreeBytes: settings.READY_MIN_FREE_MB * 1024 * 1024,
    }).finally(() => {
      entry.settledAt = Date.now();
    }),
  };
  cached = entry;
  return entry.result;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string, extra = {}) {
  res.writeHead(status, {
    "content-type": `${type}; charset=utf-8`,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...extra,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

function onlyGet(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === "GET" || req.method === "HEAD") return true;
  send(req, res, 405, "text/plain", "Chỉ nhận yêu cầu GET.", { allow: "GET, HEAD" });
  return false;
}

/** The edge's handlers, by path. */
export const healthHandlers: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  [LIVENESS_PATH](req, res) {
    if (onlyGet(req, res)) send(req, res, 200, "text/plain", "ok");
  },
  [READINESS_PATH](req, res) {
    if (!onlyGet(req, res)) return;
    readiness().then(
      ({ ready, checks }) =>
        send(
          req,
          res,
          ready ? 200 : 503,
          "application/json",
          JSON.stringify({ status: ready ? "ready" : "unready", checks }),
        ),
      // checkReadiness catches every check's failure; this is a bug of ours, and still an answer.
      (error: unknown) => {
        logger.error({ event: "readyz.failed", err: error }, "readiness check failed");
        send(req, res, 503, "application/json", JSON.stringify({ status: "unready" }));
      },
    );
  },
};
