import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "#app/database/client.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { isPostgresUrl } from "#app/env.server.ts";
import { readEvidence, storeEvidence } from "#app/files/file-store.server.ts";
import "#app/job-kinds.server.ts";
import { packetInput, readPacketPdf } from "#app/documents/packet-jobs.server.ts";
import type { PacketInput } from "#app/documents/packet/types.ts";
import {
  enqueueJob,
  jobResult,
  latestJob,
  MAX_JOB_ATTEMPTS,
  recoverExpiredJobs,
  registerJobKind,
  runJobsOnce,
  startJobWorker,
} from "#app/jobs/jobs.server.ts";
import { startOutboxWorker } from "#app/mailing/outbox.server.ts";
import { folderTransport, smtpTransport, type MailTransport } from "#app/mailing/transport.server.ts";
import { outboxFolder } from "#app/mailing/worker.server.ts";
import { getConference } from "#app/plans/plans.server.ts";
import { startSmtp } from "#tests/helpers/smtp.ts";

// Several app instances on one database share the outbox, the job table and the files. "Instance B" is
// a second Prisma client with its own connection (on PostgreSQL its own pool: the URL differs by its
// application_name); a separate process with another DATA_DIR reads the files.

const url = process.env.DATABASE_URL!;
const onPg = isPostgresUrl(url);
const otherUrl = onPg ? `${url}${url.includes("?") ? "&" : "?"}application_name=instance-b` : url;
const instanceB = createPrismaClient(otherUrl);
const root = path.resolve(import.meta.dirname, "../..");
let conferenceId = "";

beforeAll(async () => {
  const c = await prisma.conference.findFirstOrThrow({ select: { id: true } });
  conferenceId = c.id;
  await prisma.outboxMessage.deleteMany({});
});

afterAll(async () => {
  await instanceB.$disconnect();
});

async function queueMessages(version: number, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `<shared-${version}-${i}@hoinghi.test>`);
  await prisma.outboxMessage.createMany({
    data: ids.map((messageId, i) => ({
      conferenceId,
      kind: "INVITATION" as const,
      version: version * 10_000 + i,
      messageId,
      toAddress: `nguoinhan${i}@hoinghi.test`,
      subject: `Thư thử ${i}`,
    })),
  });
  return ids;
}

const compose = async (row: { toAddress?: string; subject?: string }) => ({
  from: "Hội nghị CCHC <no-reply@hoinghi.local>",
  to: row.toAddress,
  subject: row.subject,
  text: "Nội dung thử",
});

function slow(transport: MailTransport, ms: number): MailTransport {
  return {
    ...transport,
    send: async (m) => {
      await new Promise((r) => setTimeout(r, ms));
      await transport.send(m);
    },
  };
}

describe("the outbox drained by two instances at once", () => {
  it("sends every message exactly once, and a live sender keeps its claims past one lease", async () => {
    const smtp = await startSmtp();
    const ids = await queueMessages(1, 240);
    const fast = smtpTransport(smtp.url);
    // Each batch takes longer than a lease (20 × 60 ms on one connection > 500 ms), while both
    // instances look for expired leases every 50 ms: only renewal keeps the claims from being taken.
    const options = { compose, batchSize: 20, claimSize: 20, concurrency: 1, leaseMs: 500, idleMs: 50 };
    const a = startOutboxWorker({ ...options, transport: slow(fast, 60), owner: "instance-a" });
    const b = startOutboxWorker({ ...options, transport: slow(fast, 60), owner: "instance-b", db: instanceB });
    await expect.poll(() => smtp.received.length, { timeout: 60_000, interval: 100 }).toBe(ids.length);
    await Promise.all([a.stop(), b.stop()]);
    fast.close();
    const received = smtp.received.map((m) => m.messageId);
    expect(new Set(received).size).toBe(ids.length);
    expect([...received].sort()).toEqual([...ids].sort());
    const rows = await prisma.outboxMessage.groupBy({
      by: ["status", "claimedBy"],
      where: { messageId: { in: ids } },
      _count: true,
    });
    // Both instances sent a share, and every message is SENT once, on its first attempt.
    expect(rows.map((r) => [r.status, r.claimedBy]).sort()).toEqual([
      ["SENT", "instance-a"],
      ["SENT", "instance-b"],
    ]);
    expect(await prisma.outboxMessage.count({ where: { messageId: { in: ids }, attempts: { not: 1 } } })).toBe(0);
    await smtp.close();
  });

  it("returns a dead instance's claims to the queue when their lease runs out, never a live one's", async () => {
    const smtp = await startSmtp();
    const dead = await queueMessages(2, 5);
    const live = await queueMessages(3, 5);
    const now = Date.now();
    // Claimed by an instance that then died (its lease ends in a second) and by one that is alive.
    await prisma.outboxMessage.updateMany({
      where: { messageId: { in: dead } },
      data: { status: "SENDING", claimedBy: "dead", claimedAt: new Date(now), leaseUntil: new Date(now + 1000) },
    });
    await prisma.outboxMessage.updateMany({
      where: { messageId: { in: live } },
      data: { status: "SENDING", claimedBy: "live", claimedAt: new Date(now), leaseUntil: new Date(now + 120_000) },
    });
    const transport = smtpTransport(smtp.url);
    const b = startOutboxWorker({ compose, transport, db: instanceB, owner: "instance-b", idleMs: 100 });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received).toHaveLength(0);
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(dead.length);
    await new Promise((r) => setTimeout(r, 300));
    await b.stop();
    transport.close();
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual([...dead].sort());
    expect(await prisma.outboxMessage.count({ where: { messageId: { in: dead }, status: "SENT" } })).toBe(5);
    expect(
      await prisma.outboxMessage.count({ where: { messageId: { in: live }, status: "SENDING", claimedBy: "live" } }),
    ).toBe(5);
    await prisma.outboxMessage.deleteMany({ where: { messageId: { in: live } } });
    await smtp.close();
  });
});

describe("jobs as rows", () => {
  const steps: number[] = [];
  let release: () => void = () => {};
  beforeAll(() => {
    registerJobKind("test-echo", {
      async run(params, ctx) {
        const { text, steps: total } = params as { text: string; steps: number };
        for (let i = 0; i < total; i++) {
          ctx.progress(i, total, `Bước ${i + 1}`);
          steps.push(i);
          // Holds at half-way until the test has seen the progress from the other instance.
          if (i === Math.floor(total / 2)) await new Promise<void>((r) => (release = r));
          await new Promise((r) => setTimeout(r, 20));
        }
        return { name: "ket-qua.txt", contentType: "text/plain", bytes: Buffer.from(`Kết quả: ${text}`) };
      },
      describe: (params) => ({ what: `tệp thử ${(params as { text: string }).text}`, conferenceId }),
    });
  });

  it("is queued through one instance, run by another, and served with its progress by the first", async () => {
    const queued = await enqueueJob(
      { kind: "test-echo", key: "echo-1", scope: conferenceId, params: { text: "một", steps: 10 } },
      { kick: false },
    );
    expect(queued.status).toBe("QUEUED");
    // The same work asked for again is the same row.
    const again = await enqueueJob(
      { kind: "test-echo", key: "echo-1", scope: conferenceId, params: { text: "một", steps: 10 } },
      { kick: false },
    );
    expect(again.id).toBe(queued.id);
    const b = startJobWorker({ db: instanceB, owner: "instance-b", leaseMs: 1000, idleMs: 50 });
    await expect
      .poll(async () => (await latestJob("test-echo", conferenceId))?.stage, { timeout: 10_000 })
      .toBe("Bước 6");
    const running = (await latestJob("test-echo", conferenceId))!;
    expect(running).toMatchObject({ status: "RUNNING", done: 5, total: 10 });
    expect((await prisma.job.findUniqueOrThrow({ where: { id: queued.id } })).claimedBy).toBe("instance-b");
    release();
    await expect
      .poll(async () => (await latestJob("test-echo", conferenceId))?.status, { timeout: 10_000 })
      .toBe("DONE");
    await b.stop();
    const done = (await latestJob("test-echo", conferenceId))!;
    expect(done).toMatchObject({ done: 10, total: 10, stage: "Hoàn tất", error: null });
    expect((await jobResult(done))?.bytes.toString()).toBe("Kết quả: một");
    // The result and the audit record were written together.
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "Job", entityId: queued.id } });
    expect(audit).toMatchObject({
      action: "job.done",
      summary: "Đã tạo tệp thử một",
      actorKind: "SYSTEM",
      conferenceId,
    });
  });

  it("takes up the job of an instance that died once its lease runs out", async () => {
    const job = await enqueueJob(
      { kind: "test-echo", key: "echo-2", scope: "khac", params: { text: "hai", steps: 2 } },
      { kick: false },
    );
    await prisma.job.update({
      where: { id: job.id },
      data: { status: "RUNNING", claimedBy: "dead", leaseUntil: new Date(Date.now() + 300), done: 1, total: 2 },
    });
    expect(await recoverExpiredJobs(instanceB)).toBe(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(await recoverExpiredJobs(instanceB)).toBe(1);
    steps.length = 0;
    const run = runJobsOnce({ db: instanceB, owner: "instance-b" });
    // The step that waits has started (its release function is set in the same turn).
    await expect.poll(() => steps.includes(1)).toBe(true);
    release();
    expect(await run).toBe(1);
    const done = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "DONE", claimedBy: "instance-b", attempts: 1 });
    // A job whose runner keeps dying is given up after MAX_JOB_ATTEMPTS starts, not retried for ever.
    const poison = await enqueueJob(
      { kind: "test-echo", key: "echo-3", scope: "khac", params: { text: "ba", steps: 2 } },
      { kick: false },
    );
    await prisma.job.update({
      where: { id: poison.id },
      data: { status: "RUNNING", claimedBy: "dead", leaseUntil: new Date(Date.now() - 1), attempts: MAX_JOB_ATTEMPTS },
    });
    expect(await recoverExpiredJobs(instanceB)).toBe(0);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: poison.id } })).toMatchObject({
      status: "FAILED",
      error: "Tác vụ bị gián đoạn nhiều lần; hãy thử lại.",
    });
  });

  it("builds a conference packet on one instance and serves it from another", async () => {
    const c = await prisma.conference.findFirstOrThrow({
      where: { scoringRoundId: { not: null }, title: { contains: "Công bố chỉ số" } },
      select: { id: true },
    });
    const input = (await packetInput(await getConference(c.id)))!;
    const job = await ensurePacketQueuedOnly(c.id, input);
    expect(await runJobsOnce({ db: instanceB, owner: "instance-b" })).toBe(1);
    const pdf = (await readPacketPdf(c.id, job.fingerprint))!;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const other = readOtherInstance([`packet:${c.id}/${job.fingerprint}`]);
    expect(other[`packet:${c.id}/${job.fingerprint}`]).toBe(sha(pdf));
  });
});

describe("npm run worker", () => {
  it("runs a job queued by a web instance in a process of its own, and stops on SIGTERM", async () => {
    const c = await prisma.conference.findFirstOrThrow({
      where: { scoringRoundId: { not: null }, title: { contains: "Công bố chỉ số" } },
      select: { id: true },
    });
    // New data, so the packet is built again.
    await prisma.conference.update({ where: { id: c.id }, data: { title: `${(await getConference(c.id)).title} ` } });
    const input = (await packetInput(await getConference(c.id)))!;
    const { fingerprint } = await ensurePacketQueuedOnly(c.id, input);
    const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      cwd: root,
      env: { ...process.env, DATA_DIR: `${process.env.DATA_DIR}-worker`, CLAIM_LEASE_MS: "2000", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout.on("data", (d: Buffer) => (output += d.toString()));
    worker.stderr.on("data", (d: Buffer) => (output += d.toString()));
    try {
      await expect
        .poll(async () => (await latestJob("packet", c.id))?.status, { timeout: 60_000, interval: 200 })
        .toBe("DONE");
      expect(output).toContain("thời hạn nhận việc 2000 ms");
      // Its log is JSON lines, the finished job's among them.
      const jobLine = () =>
        output
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((line) => line.event === "job.done");
      await expect.poll(jobLine).toMatchObject({ kind: "packet", jobId: expect.any(String), ms: expect.any(Number) });
      expect((await prisma.job.findFirstOrThrow({ where: { kind: "packet", scope: c.id } })).claimedBy).toMatch(
        new RegExp(`^jobs:.*:${worker.pid}:`),
      );
      expect((await readPacketPdf(c.id, fingerprint))!.subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      const exited = new Promise<number | null>((resolve) => worker.once("exit", resolve));
      worker.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  });
});

/** Queues the packet build without kicking this process's own job worker: instance B runs it. */
async function ensurePacketQueuedOnly(id: string, input: PacketInput) {
  const { packetFingerprint } = await import("#app/documents/packet/packet.server.ts");
  const fingerprint = packetFingerprint(input);
  await enqueueJob(
    { kind: "packet", key: `${id}/${fingerprint}`, scope: id, params: { conferenceId: id, fingerprint } },
    { kick: false },
  );
  return { fingerprint };
}

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

/** Another process, with a data directory of its own, reading through the app's readers. */
function readOtherInstance(refs: string[]): Record<string, string | null> {
  const dataDir = `${process.env.DATA_DIR}-other-instance`;
  const child = spawnSync(process.execPath, ["--import", "tsx", "test/helpers/read-shared-files.ts", ...refs], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(child.stderr);
  const out = JSON.parse(child.stdout.trim().split("\n").pop()!) as Record<string, string | null>;
  expect(out.dataDir).toBe(dataDir);
  return out;
}

describe("files every instance sees", () => {
  it("reads an upload and a written .eml from another instance with another data directory", async () => {
    const bytes = Buffer.from("%PDF-1.4 tài liệu kiểm chứng");
    const storagePath = await storeEvidence(bytes, "kiem-chung.pdf", "application/pdf");
    expect(storagePath).toMatch(/^db:/);
    const transport = folderTransport(outboxFolder());
    await transport.send({
      ...(await compose({ toAddress: "a@hoinghi.test", subject: "Thư" })),
      messageId: "<eml-1@t>",
    });
    transport.close();
    const eml = fs.readFileSync(path.join(outboxFolder(), "eml-1@t.eml"));
    const other = readOtherInstance([`evidence:${storagePath}`, "eml:<eml-1@t>"]);
    expect(other[`evidence:${storagePath}`]).toBe(sha(bytes));
    expect(other["eml:<eml-1@t>"]).toBe(sha(eml));
  });

  it("still reads evidence that older rows keep on disk", async () => {
    const rel = path.join("2025-01", "cu.pdf");
    const full = path.join(process.env.DATA_DIR!, "evidence", rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, "%PDF-1.4 tệp cũ");
    expect((await readEvidence(rel)).toString()).toBe("%PDF-1.4 tệp cũ");
    await expect(readEvidence("../ngoai.pdf")).rejects.toBeInstanceOf(Response);
  });
});
