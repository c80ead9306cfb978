import { describe, expect, it } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import "#app/mail-composers.server.ts";
import { drainOnce } from "#app/mailing/outbox.server.ts";
import type { MailTransport } from "#app/mailing/transport.server.ts";
import { conferenceWithInvitations } from "#tests/helpers/outbox-fixture.ts";

// Marking SENT is the one write every message makes, so the outbox writes the marks of messages accepted
// close together as one transaction: one update and one multi-row insert of their audit records. Each
// message must still end SENT with exactly one audit record of its own, written in the same transaction
// as its mark (same instant).

const COUNT = 60;

describe("SENT marks", () => {
  it("marks messages accepted together in one write, each with its own audit record", async () => {
    const { conferenceId, messages } = await conferenceWithInvitations(COUNT, "mark");
    const transport: MailTransport = {
      kind: "folder",
      // Accepted at once, as a fast SMTP server does: the marks of many messages fall together.
      send: async () => undefined,
      close: () => undefined,
    };
    const result = await drainOnce({ transport, concurrency: 12, batchSize: COUNT });
    expect(result).toEqual({ sent: COUNT, retried: 0, failed: 0 });

    const rows = await prisma.outboxMessage.findMany({
      where: { conferenceId },
      select: { id: true, status: true, sentAt: true, leaseUntil: true, lastError: true },
    });
    expect(rows).toHaveLength(COUNT);
    // drainOnce returns only once every mark is written.
    for (const r of rows) expect(r).toMatchObject({ status: "SENT", leaseUntil: null, lastError: null });

    const audits = await prisma.auditEvent.findMany({
      where: { action: "message.sent", entity: "OutboxMessage", entityId: { in: messages.map((m) => m.id) } },
      select: { id: true, at: true, entityId: true, actorKind: true, conferenceId: true, summary: true, changes: true },
    });
    // One record per message, none twice, ids unique.
    expect(audits).toHaveLength(COUNT);
    expect(new Set(audits.map((a) => a.entityId)).size).toBe(COUNT);
    expect(new Set(audits.map((a) => a.id)).size).toBe(COUNT);
    const sentAt = new Map(rows.map((r) => [r.id, r.sentAt!.getTime()]));
    const byAddress = new Map(messages.map((m) => [m.id, m.toAddress]));
    for (const a of audits) {
      // Written with its mark: the record's time is the row's sentAt.
      expect(a.at.getTime()).toBe(sentAt.get(a.entityId));
      expect(a).toMatchObject({ actorKind: "SYSTEM", conferenceId });
      expect(a.summary).toBe(`Đã gửi thư “Giấy mời” tới ${byAddress.get(a.entityId)}`);
      expect(JSON.parse(a.changes)).toEqual([{ field: "status", before: "SENDING", after: "SENT" }]);
    }
    // Grouped: far fewer writes than messages (each write has one instant).
    const writes = new Set(audits.map((a) => a.at.getTime())).size;
    expect(writes).toBeLessThanOrEqual(COUNT / 4);
  });
});
