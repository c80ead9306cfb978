import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { queueInvitations } from "#app/invitations/queue.server.ts";
import { composableKinds, composeMessage, registerComposer } from "#app/mailing/composers.server.ts";
import { drainOnce } from "#app/mailing/outbox.server.ts";
import type { MailTransport } from "#app/mailing/transport.server.ts";

// The outbox knows no message kind by itself: a worker claims only the kinds whose composer this process
// registered, so a process that cannot compose a message leaves it queued for one that can.

let conferenceId = "";
const sent: string[] = [];
const transport: MailTransport = {
  kind: "folder",
  send: async (m) => void sent.push(String(m.messageId)),
  close: () => undefined,
};

beforeAll(async () => {
  await prisma.outboxMessage.deleteMany({});
  const org = await prisma.organization.findFirstOrThrow({
    where: { name: "UBND thành phố Đà Nẵng" },
    select: { id: true },
  });
  ({ id: conferenceId } = await prisma.conference.create({
    data: { organizationId: org.id, title: "Hội nghị thử hàng đợi thư", issuePlace: "Đà Nẵng", issueYear: 2026 },
    select: { id: true },
  }));
  await createAttendees(
    SYSTEM_ACTOR,
    conferenceId,
    [{ name: "Nguyễn Văn Một", position: "", organizationName: "", email: "mot@danang.hoinghi.local", phone: "" }],
    { kind: "form" },
  );
});

afterEach(() => {
  sent.length = 0;
});

describe("the outbox's composers", () => {
  it("has none until a domain registers one, and says so for a row of an unknown kind", async () => {
    expect(composableKinds()).toEqual([]);
    await expect(
      composeMessage({
        id: "x",
        messageId: "<x@hoinghi.local>",
        attendeeId: null,
        bridgePointId: null,
        kind: "REMINDER",
        version: 0,
        attachPdf: false,
        changeNote: "",
        attempts: 0,
      }),
    ).rejects.toThrow("Không có cách soạn thư loại REMINDER");
  });

  it("claims only the kinds this process can compose", async () => {
    const attendeeIds = (await prisma.attendee.findMany({ where: { conferenceId }, select: { id: true } })).map(
      (a) => a.id,
    );
    expect(
      await queueInvitations({ conferenceId, kind: "INVITATION", version: 0, attendeeIds, subject: "Giấy mời" }),
    ).toBe(1);
    // Queueing the same kind and version again adds nothing.
    expect(
      await queueInvitations({ conferenceId, kind: "INVITATION", version: 0, attendeeIds, subject: "Giấy mời" }),
    ).toBe(0);

    expect(await drainOnce({ transport })).toEqual({ sent: 0, retried: 0, failed: 0 });
    const waiting = await prisma.outboxMessage.findFirstOrThrow({
      where: { conferenceId },
      select: { status: true, attempts: true, messageId: true },
    });
    expect(waiting).toMatchObject({ status: "QUEUED", attempts: 0 });
    expect(waiting.messageId).toBe(`<invitation-0-${attendeeIds[0]}@hoinghi.local>`);

    registerComposer(["BRIDGE_TEST"], async () => ({ subject: "không dùng" }));
    expect(await drainOnce({ transport })).toEqual({ sent: 0, retried: 0, failed: 0 });

    registerComposer(["INVITATION"], async (row) => ({ to: row.toAddress, subject: row.subject, text: "x" }));
    expect(composableKinds().sort()).toEqual(["BRIDGE_TEST", "INVITATION"]);
    expect(await drainOnce({ transport })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sent).toEqual([waiting.messageId]);
    expect(await prisma.outboxMessage.findFirstOrThrow({ where: { conferenceId }, select: { status: true } })).toEqual({
      status: "SENT",
    });
  });
});
