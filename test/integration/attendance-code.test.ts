// The short check-in code ("Mã điểm danh: XXX-XXX") on the invitation: e-mail (text and HTML), giấy mời PDF,
// and the attendee's page while the invitation is not revoked.
import { execFileSync } from "node:child_process";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { checkinCode, formatCheckinCode } from "#app/invitations/checkin-code.ts";
import { prisma } from "#app/database/db.server.ts";
import { attendeeByToken } from "#app/invitations/invitation-record.server.ts";
import { composeInvitationMessage, letterPdf } from "#app/invitations/invitation-message.server.ts";
import { loader } from "#app/routes/i.$token._index.tsx";
import { pdfFile } from "#tests/helpers/pdf-checks.ts";

const seeded = (name: string) =>
  prisma.attendee.findFirstOrThrow({ where: { name }, select: { id: true, token: true, invitationKey: true } });

describe("short check-in code on the invitation", () => {
  it("is in the e-mail, the letter and the RSVP page; not once the invitation is revoked", async () => {
    const a = await seeded("Trần Ngọc Sơn");
    const code = formatCheckinCode(checkinCode(a.invitationKey));
    expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);

    const composed = await composeInvitationMessage({
      id: "x",
      messageId: "<t@hoinghi.local>",
      attendeeId: a.id,
      bridgePointId: null,
      kind: "INVITATION",
      version: 0,
      attachPdf: false,
      changeNote: "",
      attempts: 0,
    });
    // The message as a mail client reads it (the app writes it as a finished MIME message).
    const mail = await simpleParser(String(composed.raw));
    expect(String(mail.text)).toContain(`Mã điểm danh: ${code}`);
    expect(String(mail.html)).toContain(`Mã điểm danh: <strong`);
    expect(String(mail.html)).toContain(`>${code}</strong>`);

    const record = (await attendeeByToken(a.token))!;
    const text = execFileSync("pdftotext", [pdfFile(await letterPdf(record)), "-"], { encoding: "utf8" });
    expect(text).toContain(`Mã điểm danh: ${code}`);

    const page = async () =>
      (await loader({
        request: new Request(`http://localhost/i/${a.token}`),
        params: { token: a.token },
        context: {},
      } as LoaderFunctionArgs)) as { checkinCode: string | null };
    expect((await page()).checkinCode).toBe(code);
    await prisma.attendee.update({ where: { id: a.id }, data: { revokedAt: new Date() } });
    expect((await page()).checkinCode).toBeNull();
  });
});
