import { setTimeout as sleep } from "node:timers/promises";
import type { SendMailOptions } from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import "#app/mail-composers.server.ts";
import { MAX_ATTEMPTS } from "#app/mailing/backoff.ts";
import { composeMessage } from "#app/mailing/composers.server.ts";
import { drainOnce } from "#app/mailing/outbox.server.ts";
import { sentMessageCopy, smtpTransport, type MailTransport } from "#app/mailing/transport.server.ts";
import { outboxFolder, outboxWorker } from "#app/mailing/worker.server.ts";
import { action as attendeesAction, loader as attendeesLoader } from "#app/routes/conferences.$id.attendees.tsx";
import { action as outboxAction, loader as outboxLoader } from "#app/routes/conferences.$id.outbox.tsx";
import { loader as progressLoader } from "#app/routes/conferences.$id.outbox[.json].tsx";
import { conferenceWithInvitations } from "#tests/helpers/outbox-fixture.ts";
import { call, get, post, signIn, type Person } from "#tests/helpers/route-call.ts";
import { startSmtp } from "#tests/helpers/smtp.ts";

// Issue 17, part 1: "Gửi lại" on a stuck message (its sender died: SENDING with a lease run out) and
// never on one a live sender holds; "Gửi lại các thư lỗi" for every failed and stuck message of a
// conference in one transaction with one audit record; a message becomes FAILED after eight attempts and
// the outbox page counts it.

let office: Person;
const cleanups: Array<() => unknown> = [];
beforeAll(async () => {
  office = await signIn("vanphong.danang@hoinghi.local");
});
// A resend wakes this process's own outbox worker, as on a server.
afterAll(() => outboxWorker().stop());
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function smtp(reject?: Parameters<typeof startSmtp>[0]) {
  const server = await startSmtp(reject);
  const transport = smtpTransport(server.url);
  cleanups.push(server.close, () => transport.close());
  return { server, transport };
}

/** A claim whose sender died `agoMs` ago: its lease ran out then. */
const stuck = (agoMs: number) => ({
  status: "SENDING" as const,
  attempts: 1,
  claimedBy: "outbox:dead-host:4242:0000",
  claimedAt: new Date(Date.now() - agoMs - 30_000),
  leaseUntil: new Date(Date.now() - agoMs),
});

const resend = (conferenceId: string, messageId: string) =>
  call(attendeesAction, post(`/conferences/${conferenceId}/attendees`, office, { intent: "resend", messageId }), {
    id: conferenceId,
  });

/** A transport that holds each message until released, as a slow mail server does. */
function heldTransport(inner: MailTransport) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let entered = 0;
  const transport: MailTransport = {
    ...inner,
    send: async (message: SendMailOptions) => {
      entered++;
      await gate;
      return inner.send(message);
    },
  };
  return { transport, release, entered: () => entered };
}

describe("Gửi lại", () => {
  it("puts a stuck message back and delivers it under its Message-ID; refuses one a live sender holds", async () => {
    const { conferenceId, messages } = await conferenceWithInvitations(3, "resend");
    const [dead, live, waiting] = messages;
    await prisma.outboxMessage.update({ where: { id: dead!.id }, data: stuck(5_000) });

    // The attendees page offers "Gửi lại" on the stuck one, labelled as such, not on the waiting ones.
    const page = await call(attendeesLoader, get(`/conferences/${conferenceId}/attendees`, office), {
      id: conferenceId,
    });
    expect(page.status).toBe(200);
    const delivery = (email: string) =>
      (page.body.attendees as Array<{ email: string; delivery: { resendable: boolean; label: string } }>).find(
        (a) => a.email === email,
      )!.delivery;
    expect(delivery(dead!.toAddress)).toMatchObject({ resendable: true, label: "Bị treo khi đang gửi" });
    expect(delivery(live!.toAddress)).toMatchObject({ resendable: false });

    // A live sender holds `live` (claimed, lease renewed, message at the mail server).
    const { server, transport } = await smtp();
    const held = heldTransport(transport);
    await prisma.outboxMessage.updateMany({
      where: { id: { in: [dead!.id, waiting!.id] } },
      data: { nextAttemptAt: new Date(Date.now() + 3_600_000) },
    });
    const draining = drainOnce({ transport: held.transport, compose: composeMessage, concurrency: 1 });
    while (held.entered() < 1) await sleep(10);
    const holding = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: live!.id } });
    expect(holding).toMatchObject({ status: "SENDING" });
    expect(holding.leaseUntil!.getTime()).toBeGreaterThan(Date.now());

    const refused = await resend(conferenceId, live!.id);
    expect(refused.status).toBe(400);
    expect(refused.body.result.error[""].join(" ")).toMatch(/đang được một tiến trình gửi đi nên chưa thể gửi lại/);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: live!.id } })).toMatchObject({
      status: "SENDING",
      claimedBy: holding.claimedBy,
    });
    const queued = await resend(conferenceId, waiting!.id);
    expect(queued.status).toBe(400);
    expect(queued.body.result.error[""].join(" ")).toMatch(/đang chờ gửi/);

    const auditsBefore = await prisma.auditEvent.count({ where: { action: "message.requeue", conferenceId } });
    const accepted = await resend(conferenceId, dead!.id);
    expect(accepted.status).toBe(200);
    expect(accepted.body.message).toBe("Đã đưa thư vào hàng đợi gửi lại.");
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: dead!.id } })).toMatchObject({
      status: "QUEUED",
      attempts: 0,
      claimedBy: null,
      leaseUntil: null,
    });
    const audit = await prisma.auditEvent.findMany({ where: { action: "message.requeue", conferenceId } });
    expect(audit).toHaveLength(auditsBefore + 1);
    expect(audit.at(-1)).toMatchObject({ entityId: dead!.id });
    expect(audit.at(-1)!.summary).toMatch(/bị treo/);

    held.release();
    expect(await draining).toMatchObject({ sent: 1 });
    // The live sender's message went once, through its mail server; the resent one went at once too: the
    // resend woke this process's own worker (no SMTP_URL here: it writes the .eml), under its Message-ID.
    expect(server.received.map((r) => r.messageId)).toEqual([live!.messageId]);
    await expect
      .poll(async () => (await prisma.outboxMessage.findUniqueOrThrow({ where: { id: dead!.id } })).status)
      .toBe("SENT");
    expect((await sentMessageCopy(outboxFolder(), dead!.messageId))?.toString()).toContain(
      `Message-ID: ${dead!.messageId}`,
    );
  }, 60_000);
});

describe("Gửi lại các thư lỗi", () => {
  it("fails a message after eight attempts, counts it, and resends every failed and stuck one with one audit record", async () => {
    const { conferenceId, messages } = await conferenceWithInvitations(5, "bulk");
    const [a, b, c, d, e] = messages;
    // Eight refused attempts (an hour of outage): a and b become FAILED.
    const failing = new Set([a!.messageId, b!.messageId]);
    const outage = await smtp((messageId) => failing.has(messageId));
    await prisma.outboxMessage.updateMany({
      where: { id: { in: [c!.id, d!.id, e!.id] } },
      data: { nextAttemptAt: new Date(Date.UTC(2100, 0)) },
    });
    let clock = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const r = await drainOnce({ transport: outage.transport, compose: composeMessage, now: () => new Date(clock) });
      expect(r).toEqual(
        attempt < MAX_ATTEMPTS ? { sent: 0, retried: 2, failed: 0 } : { sent: 0, retried: 0, failed: 2 },
      );
      clock += 2 * 3_600_000;
    }
    expect(
      await prisma.outboxMessage.count({
        where: { id: { in: [a!.id, b!.id] }, status: "FAILED", attempts: MAX_ATTEMPTS },
      }),
    ).toBe(2);
    // c is stuck (its sender died), d is held by a live sender, e waits.
    await prisma.outboxMessage.update({ where: { id: c!.id }, data: stuck(1_000) });
    await prisma.outboxMessage.update({
      where: { id: d!.id },
      data: {
        status: "SENDING",
        claimedBy: "outbox:live",
        claimedAt: new Date(),
        leaseUntil: new Date(Date.now() + 30_000),
      },
    });

    const page = await call(outboxLoader, get(`/conferences/${conferenceId}/outbox`, office), { id: conferenceId });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ failed: 2, stuck: 1, maxAttempts: MAX_ATTEMPTS });
    const progress = await call(progressLoader, get(`/conferences/${conferenceId}/outbox.json`, office), {
      id: conferenceId,
    });
    expect(progress.body).toEqual({ queued: 1, sending: 1, stuck: 1, sent: 0, failed: 2 });

    const url = `/conferences/${conferenceId}/outbox`;
    const unconfirmed = await call(outboxAction, post(url, office, { intent: "resend-failed" }), { id: conferenceId });
    expect(unconfirmed.status).toBe(400);
    expect(await prisma.outboxMessage.count({ where: { conferenceId, status: "FAILED" } })).toBe(2);

    const auditsBefore = await prisma.auditEvent.count({ where: { conferenceId } });
    const done = await call(outboxAction, post(url, office, { intent: "resend-failed", confirm: "on" }), {
      id: conferenceId,
    });
    expect(done.status).toBe(200);
    expect(done.body.message).toBe("Đã đưa 3 thư lỗi vào hàng đợi gửi lại.");
    const rows = await prisma.outboxMessage.findMany({
      where: { conferenceId },
      select: { id: true, status: true, attempts: true, lastError: true },
    });
    const state = new Map(rows.map((r) => [r.id, r]));
    for (const m of [a, b, c])
      expect(state.get(m!.id)).toMatchObject({ status: "QUEUED", attempts: 0, lastError: null });
    expect(state.get(d!.id)).toMatchObject({ status: "SENDING" });
    // One audit record for the three, saying how many.
    expect(await prisma.auditEvent.count({ where: { conferenceId } })).toBe(auditsBefore + 1);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { conferenceId, action: "message.requeue-failed" },
    });
    expect(audit).toMatchObject({
      entity: "Conference",
      entityId: conferenceId,
      summary: "Gửi lại 3 thư lỗi hoặc bị treo",
    });
    expect(JSON.parse(audit.changes)).toEqual(
      expect.arrayContaining([
        { field: "requeued", before: null, after: 3 },
        { field: "failed", before: 2, after: null },
        { field: "stuck", before: 1, after: null },
      ]),
    );

    // Nothing left to resend: refused, with why.
    const again = await call(outboxAction, post(url, office, { intent: "resend-failed", confirm: "on" }), {
      id: conferenceId,
    });
    expect(again.status).toBe(400);
    expect(again.body.result.error[""]).toEqual(["Không có thư lỗi hoặc bị treo nào để gửi lại."]);

    // The resend woke this process's worker: the three go out at once, on their first attempt again; the
    // live sender's message stays its own.
    await expect
      .poll(() =>
        prisma.outboxMessage.count({ where: { id: { in: [a!.id, b!.id, c!.id] }, status: "SENT", attempts: 1 } }),
      )
      .toBe(3);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: d!.id } })).toMatchObject({
      status: "SENDING",
      claimedBy: "outbox:live",
    });
  }, 60_000);
});
