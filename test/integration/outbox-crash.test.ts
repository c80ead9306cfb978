import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_LEASE_MS } from "#app/database/lease.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { collect, stopper, track } from "#scripts/lib/app-process.ts";
import { conferenceWithInvitations } from "#tests/helpers/outbox-fixture.ts";
import { startSmtp } from "#tests/helpers/smtp.ts";

// Issue 17, part 1: `npm run worker` is killed with SIGKILL while it sends to a real SMTP server that
// acknowledges slowly; a second worker started at once must deliver every message, the dead one's included,
// within 90 s, with the default lease. A message can arrive twice only if the mail server had it before
// the kill (the dead worker never learnt it was accepted), and then with the same Message-ID.

const ROOT = path.resolve(import.meta.dirname, "../..");
const COUNT = 300;
const CONCURRENCY = 8; // drainOnce's default: at most this many in flight when the kill lands
const CLAIM_SIZE = 2 * CONCURRENCY; // drainOnce's default claim

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** `npm run worker`, as an installation runs it (production, the default lease). */
function startWorker(smtpUrl: string) {
  const child = track(
    spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", SMTP_URL: smtpUrl, BACKGROUND_WORKERS: "on" },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  const stderr = collect(child);
  collect(child, "stdout");
  stops.push(stopper(child));
  return {
    stderr,
    kill: async () => {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** The address in a message's To header (headers unfolded first: a long name folds the line). */
function recipientOf(raw: Buffer): string {
  const headers = raw
    .toString("latin1")
    .split("\r\n\r\n")[0]!
    .replace(/\r\n[ \t]+/g, " ");
  return /^To:[^\r\n]*?([\w.+-]+@[\w.-]+)/im.exec(headers)?.[1] ?? "";
}

describe("outbox after a kill -9 mid-send", () => {
  it("returns the dead worker's messages within the lease and delivers all of them, copies under one Message-ID", async () => {
    expect(DEFAULT_LEASE_MS).toBe(30_000);
    const smtp = await startSmtp(undefined, { ackDelayMs: 150 });
    stops.push(smtp.close);
    const { messages } = await conferenceWithInvitations(COUNT, "crash");
    const ids = messages.map((m) => m.id);
    const expected = new Map(messages.map((m) => [m.messageId, m.toAddress]));

    const first = startWorker(smtp.url);
    const started = Date.now() + 60_000;
    while (smtp.received.length < 60 && Date.now() < started) await sleep(10);
    expect(smtp.received.length, first.stderr()).toBeGreaterThanOrEqual(60);
    await first.kill();
    const killedAt = Date.now();
    const beforeKill = new Set(smtp.received.filter((r) => r.at <= killedAt).map((r) => r.messageId));
    // What the dead worker left claimed: a few (its claim and what was in flight), not a batch of hundreds.
    const stranded = await prisma.outboxMessage.findMany({
      where: { id: { in: ids }, status: "SENDING" },
      select: { id: true, leaseUntil: true },
    });
    expect(stranded.length).toBeGreaterThan(0);
    expect(stranded.length).toBeLessThanOrEqual(CLAIM_SIZE + CONCURRENCY);
    expect(stranded.every((m) => m.leaseUntil && m.leaseUntil.getTime() > killedAt - 1000)).toBe(true);

    const second = startWorker(smtp.url);
    const deadline = killedAt + 90_000;
    const delivered = () => new Set(smtp.received.map((r) => r.messageId).filter((id) => expected.has(id)));
    const sentRows = () => prisma.outboxMessage.count({ where: { id: { in: ids }, status: "SENT" } });
    while ((delivered().size < COUNT || (await sentRows()) < COUNT) && Date.now() < deadline) await sleep(250);
    const recoveredMs = Date.now() - killedAt;
    expect(delivered().size, second.stderr()).toBe(COUNT);
    expect(await sentRows()).toBe(COUNT);
    expect(recoveredMs).toBeLessThan(90_000);

    // Every copy of a recipient's invitation carries the Message-ID of its first delivery, and only a
    // message the server had before the kill arrived twice.
    const byRecipient = new Map<string, string[]>();
    for (const r of smtp.received) {
      const to = recipientOf(r.raw);
      byRecipient.set(to, [...(byRecipient.get(to) ?? []), r.messageId]);
    }
    expect(byRecipient.size).toBe(COUNT);
    let copies = 0;
    for (const [to, got] of byRecipient) {
      expect(new Set(got), to).toEqual(new Set([got[0]]));
      expect(expected.get(got[0]!)).toBe(to);
      if (got.length > 1) {
        copies += got.length - 1;
        expect(beforeKill.has(got[0]!), `${to} was sent again without having been delivered before the kill`).toBe(
          true,
        );
      }
    }
    expect(copies).toBe(smtp.received.length - COUNT);
    expect(copies).toBeLessThanOrEqual(CONCURRENCY);
    // Recorded as sent once each: one audit record per message.
    expect(
      await prisma.auditEvent.count({
        where: { action: "message.sent", entity: "OutboxMessage", entityId: { in: ids } },
      }),
    ).toBe(COUNT);
    console.log(
      `outbox crash: killed after ${beforeKill.size} deliveries with ${stranded.length} messages claimed; ` +
        `all ${COUNT} delivered ${(recoveredMs / 1000).toFixed(1)} s after the kill; ${copies} second copies (same Message-ID)`,
    );
  }, 180_000);
});
