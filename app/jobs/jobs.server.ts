import { auditEventData, SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { DEFAULT_LEASE_MS, newClaimOwner, onPostgres, placeholders } from "#app/database/lease.server.ts";
import { pgTime } from "#app/database/pg-pool.server.ts";
import { env } from "#app/env.server.ts";
import { putKeyedFile, readFile, type FileData } from "#app/files/stored-files.server.ts";
import type { PrismaClient } from "#app/generated/prisma/client.ts";
import { logJobOutcome } from "#app/jobs/telemetry.server.ts";
import { errorText, logger } from "#app/lib/logger.server.ts";

// Long work (a packet build) as rows of the Job table, so that any app instance can run it and any
// instance serves its progress and its result. A job is one row per kind and key (the fingerprint of
// its input): asking again for the same work finds the row instead of building twice. An instance
// claims a queued job with a lease (as the outbox does), renews the lease while it works, writes its
// progress to the row, and stores the result as a StoredFile with the row's final state and its audit
// record in one transaction. The claims of an instance that died return to the queue when their lease
// runs out. This folder knows no domain: each domain registers the runner of its kinds.

type Db = PrismaClient;

export type JobState = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

/** A job as a progress page sees it. */
export interface JobView {
  id: string;
  kind: string;
  key: string;
  scope: string | null;
  status: JobState;
  done: number;
  total: number;
  stage: string;
  error: string | null;
  resultFileId: string | null;
}

export interface JobResult {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface JobContext {
  /** Reports `done` of `total` steps in the stage named (Vietnamese); written to the row a few times a second. */
  progress(done: number, total: number, stage: string): void;
}

export interface JobKind {
  /** Does the work from the row's params (as given to enqueueJob); throws when it cannot. */
  run(params: unknown, ctx: JobContext): Promise<JobResult>;
  /** The audit record's wording and scope for the finished or failed job. */
  describe(params: unknown): { what: string; conferenceId?: string | null };
  /**
   * When a job of this kind finishes, the older finished jobs of its scope and their result files are
   * removed (a packet of data that has since changed is never served again).
   */
  keepOnlyLatest?: boolean;
}

const kinds = new Map<string, JobKind>();

/** Registers the runner of a kind (a second registration replaces the first: dev reloads). */
export function registerJobKind(kind: string, runner: JobKind): void {
  kinds.set(kind, runner);
}

const viewSelect = {
  id: true,
  kind: true,
  key: true,
  scope: true,
  status: true,
  done: true,
  total: true,
  stage: true,
  error: true,
  resultFileId: true,
} as const;

export interface NewJob {
  kind: string;
  key: string;
  scope?: string | null;
  params: unknown;
}

/**
 * The job for this work: the existing row (queued, running or done), a failed one queued again, or a
 * new row. Kicks this process's job worker so that the requesting instance usually runs it at once.
 */
export async function enqueueJob(
  job: NewJob,
  { db = prisma, kick = db === prisma }: { db?: Db; kick?: boolean } = {},
): Promise<JobView> {
  const where = { kind_key: { kind: job.kind, key: job.key } };
  let row = await db.job.findUnique({ where, select: viewSelect });
  if (row?.status === "FAILED") {
    await db.job.updateMany({
      where: { id: row.id, status: "FAILED" },
      data: {
        status: "QUEUED",
        error: null,
        done: 0,
        stage: "",
        claimedBy: null,
        leaseUntil: null,
        finishedAt: null,
        params: JSON.stringify(job.params),
      },
    });
    row = await db.job.findUnique({ where, select: viewSelect });
  }
  if (!row) {
    try {
      row = await db.job.create({
        data: { kind: job.kind, key: job.key, scope: job.scope ?? null, params: JSON.stringify(job.params) },
        select: viewSelect,
      });
    } catch (error) {
      // Another instance queued the same work a moment earlier: theirs is ours.
      if ((error as { code?: string }).code !== "P2002") throw error;
      row = await db.job.findUniqueOrThrow({ where, select: viewSelect });
    }
  }
  if (row.status === "QUEUED" && kick) jobWorker().kick();
  return row;
}

export async function findJob(kind: string, key: string, db: Db = prisma): Promise<JobView | null> {
  return db.job.findUnique({ where: { kind_key: { kind, key } }, select: viewSelect });
}

export async function findJobById(id: string, db: Db = prisma): Promise<JobView | null> {
  return db.job.findUnique({ where: { id }, select: viewSelect });
}

/** The most recent job of this kind for a scope (a conference): what its progress page shows. */
export async function latestJob(kind: string, scope: string, db: Db = prisma): Promise<JobView | null> {
  return db.job.findFirst({ where: { kind, scope }, orderBy: { createdAt: "desc" }, select: viewSelect });
}

/** The stored result of a finished job. */
export async function jobResult(job: Pick<JobView, "resultFileId">, db: Db = prisma): Promise<FileData | null> {
  return job.resultFileId ? readFile(db, job.resultFileId) : null;
}

/** Waits until the job is done or failed (any instance may be running it), or the time is up. */
export async function waitForJob(id: string, timeoutMs: number, db: Db = prisma, pollMs = 250): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await db.job.findUniqueOrThrow({ where: { id }, select: viewSelect });
    if (job.status === "DONE" || job.status === "FAILED" || Date.now() >= deadline) return job;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** A job whose runner was lost this many times (it may be what kills its instance) is not tried again. */
export const MAX_JOB_ATTEMPTS = 3;

/**
 * Jobs left RUNNING by an instance whose lease ran out go back to the queue (a live runner renews its
 * lease); one that has been started MAX_JOB_ATTEMPTS times fails instead. Returns how many were requeued.
 */
export async function recoverExpiredJobs(db: Db = prisma, now = new Date()): Promise<number> {
  await db.job.updateMany({
    where: { status: "RUNNING", leaseUntil: { lt: now }, attempts: { gte: MAX_JOB_ATTEMPTS } },
    data: {
      status: "FAILED",
      error: "Tác vụ bị gián đoạn nhiều lần; hãy thử lại.",
      claimedBy: null,
      leaseUntil: null,
      finishedAt: now,
    },
  });
  const { count } = await db.job.updateMany({
    where: { status: "RUNNING", leaseUntil: { lt: now } },
    data: { status: "QUEUED", claimedBy: null, leaseUntil: null },
  });
  return count;
}

interface Claimed {
  id: string;
  kind: string;
  scope: string | null;
  params: string;
}

/** Claims the oldest queued job of the kinds this process can run; null when there is none. */
async function claimJob(db: Db, owner: string, leaseMs: number): Promise<Claimed | null> {
  const runnable = [...kinds.keys()];
  if (runnable.length === 0) return null;
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + leaseMs);
  let id: string | undefined;
  if (onPostgres()) {
    // FOR UPDATE SKIP LOCKED: two instances claiming at once take different jobs, never the same one.
    const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
      `UPDATE "Job" SET "status" = 'RUNNING', "claimedBy" = $1, "leaseUntil" = $2::timestamp(3),
         "attempts" = "attempts" + 1, "updatedAt" = $3::timestamp(3)
       WHERE "id" = (
         SELECT "id" FROM "Job" WHERE "status" = 'QUEUED' AND "kind" IN (${placeholders(4, runnable.length)})
         ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING "id"`,
      owner,
      pgTime(leaseUntil),
      pgTime(now),
      ...runnable,
    );
    id = rows[0]?.id;
  } else {
    // SQLite has one writer at a time: the conditional update claims the row or finds it taken.
    const next = await db.job.findFirst({
      where: { status: "QUEUED", kind: { in: runnable } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    if (!next) return null;
    const { count } = await db.job.updateMany({
      where: { id: next.id, status: "QUEUED" },
      data: { status: "RUNNING", claimedBy: owner, leaseUntil, attempts: { increment: 1 } },
    });
    id = count === 1 ? next.id : undefined;
    // Taken by another instance in between: try again on the next poll rather than spin here.
  }
  if (!id) return null;
  return db.job.findUniqueOrThrow({ where: { id }, select: { id: true, kind: true, scope: true, params: true } });
}

/** Runs one claimed job: progress and lease renewal while it works, then result, state and audit together. */
async function runClaimed(db: Db, owner: string, leaseMs: number, job: Claimed): Promise<void> {
  const startedAt = Date.now();
  const kind = kinds.get(job.kind)!;
  const params: unknown = JSON.parse(job.params);
  const progress = { done: 0, total: 1, stage: "" };
  let written = "";
  let lastWrite = Date.now();
  let lost = false;
  let writing: Promise<void> = Promise.resolve();
  // Progress is written at most a few times a second; the lease is renewed with it, or alone every third
  // of a lease when the progress stands still.
  const flush = () => {
    const now = Date.now();
    const state = `${progress.done}/${progress.total}/${progress.stage}`;
    if (state === written && now - lastWrite < leaseMs / 3) return;
    written = state;
    lastWrite = now;
    writing = writing
      .then(async () => {
        const { count } = await db.job.updateMany({
          where: { id: job.id, status: "RUNNING", claimedBy: owner },
          data: { ...progress, leaseUntil: new Date(now + leaseMs) },
        });
        if (count === 0) lost = true;
      })
      .catch((error: unknown) =>
        logger.warn({ event: "job.progress-failed", error: errorText(error) }, "job progress"),
      );
  };
  const timer = setInterval(flush, Math.min(300, Math.floor(leaseMs / 3)));
  const { what, conferenceId } = kind.describe(params);
  let result: JobResult | null = null;
  let failure: string | null = null;
  try {
    result = await kind.run(params, {
      progress(done, total, stage) {
        Object.assign(progress, { done, total, stage });
        // A short build between two timer ticks still shows its stages.
        if (Date.now() - lastWrite >= 100) flush();
      },
    });
  } catch (error) {
    failure = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  } finally {
    clearInterval(timer);
    await writing;
  }
  // Our lease ran out and another instance took the job back: the work is theirs to finish.
  if (lost) return;
  const committed = await db
    .$transaction(async (tx) => {
      const resultFileId = result ? await putKeyedFile(tx, { kind: `job:${job.kind}`, key: job.id, ...result }) : null;
      const { count } = await tx.job.updateMany({
        where: { id: job.id, status: "RUNNING", claimedBy: owner },
        data: {
          ...(result
            ? { status: "DONE", resultFileId, done: progress.total, total: progress.total, stage: "Hoàn tất" }
            : { status: "FAILED", error: failure }),
          leaseUntil: null,
          finishedAt: new Date(),
        },
      });
      // Taken back in the meantime: nothing of ours is written (the result file rolls back too).
      if (count === 0) throw new LostClaim();
      if (result && kind.keepOnlyLatest && job.scope !== null) {
        const older = await tx.job.findMany({
          where: { kind: job.kind, scope: job.scope, id: { not: job.id }, status: { in: ["DONE", "FAILED"] } },
          select: { id: true, resultFileId: true },
        });
        const files = older.flatMap((o) => (o.resultFileId ? [o.resultFileId] : []));
        if (files.length) await tx.storedFile.deleteMany({ where: { id: { in: files } } });
        if (older.length) await tx.job.deleteMany({ where: { id: { in: older.map((o) => o.id) } } });
      }
      await tx.auditEvent.create({
        data: auditEventData(SYSTEM_ACTOR, {
          action: result ? "job.done" : "job.failed",
          entity: "Job",
          entityId: job.id,
          summary: result ? `Đã tạo ${what}` : `Không tạo được ${what}: ${failure ?? ""}`,
          before: { status: "RUNNING" },
          after: { status: result ? "DONE" : "FAILED", ...(failure ? { error: failure } : {}) },
          conferenceId: conferenceId ?? null,
        }),
        select: { id: true },
      });
      return true;
    }, RESULT_TRANSACTION)
    .catch((error: unknown) => {
      if (!(error instanceof LostClaim)) throw error;
      return false;
    });
  if (committed) logJobOutcome(job, startedAt, failure);
}

class LostClaim extends Error {}

// A result is a file of some megabytes written with its row and audit record: more than the default
// five seconds is allowed for it on a busy database server.
const RESULT_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

export interface RunJobsOptions {
  db?: Db;
  owner?: string;
  /** How long a claim holds without renewal (default 30 s). */
  leaseMs?: number;
  stopping?: () => boolean;
}

/** Claims and runs queued jobs one after another until none is left; returns how many it ran. */
export async function runJobsOnce(opts: RunJobsOptions = {}): Promise<number> {
  const db = opts.db ?? prisma;
  const owner = opts.owner ?? newClaimOwner("jobs");
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  let ran = 0;
  while (!opts.stopping?.()) {
    const job = await claimJob(db, owner, leaseMs);
    if (!job) break;
    await runClaimed(db, owner, leaseMs, job);
    ran++;
  }
  return ran;
}

export interface JobWorker {
  /** Look for work now instead of at the next poll (after queuing). */
  kick(): void;
  /** Stops claiming; waits for the job in hand. */
  stop(): Promise<void>;
}

export interface JobWorkerOptions extends Omit<RunJobsOptions, "stopping"> {
  /** Pause between polls when there is nothing to do (default 2 s). */
  idleMs?: number;
}

/**
 * Runs queued jobs, polling every `idleMs`; each poll first returns the jobs of dead instances (expired
 * leases) to the queue. Every app instance may run one.
 */
export function startJobWorker(opts: JobWorkerOptions = {}): JobWorker {
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const db = opts.db ?? prisma;
  const owner = opts.owner ?? newClaimOwner("jobs");
  const idleMs = opts.idleMs ?? 2000;
  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
    // An idle worker does not keep a process (a script, a test) alive.
    timer.unref();
  };
  const tick = () => {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      await recoverExpiredJobs(db);
      await runJobsOnce({ ...opts, db, owner, stopping: () => stopping });
    })()
      .catch((error: unknown) => {
        // A database hiccup must not kill the worker; the next poll retries.
        logger.warn({ event: "jobs.failed", error: errorText(error) }, "jobs");
      })
      .finally(() => {
        running = null;
        if (!stopping) schedule(again ? 0 : idleMs);
        again = false;
      });
  };
  schedule(0);
  return {
    kick: () => schedule(0),
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

// One worker per server process, started on first use; kept on globalThis so dev reloads don't start more.
const g = globalThis as unknown as { jobWorker?: JobWorker };

export function jobWorker(): JobWorker {
  // A web-only instance (BACKGROUND_WORKERS=off) leaves the jobs to `npm run worker`, which polls for them.
  if (env().BACKGROUND_WORKERS === "off") return { kick() {}, stop: () => Promise.resolve() };
  g.jobWorker ??= startJobWorker({ leaseMs: env().CLAIM_LEASE_MS });
  return g.jobWorker;
}
