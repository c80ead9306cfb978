import { execFileSync } from "node:child_process";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { readFile } from "#app/files/stored-files.server.ts";
import "#app/mail-composers.server.ts";
import { composeMessage } from "#app/mailing/composers.server.ts";
import { drainOnce } from "#app/mailing/outbox.server.ts";
import { smtpTransport } from "#app/mailing/transport.server.ts";
import { deadlineWarning } from "#app/conclusions/document.ts";
import { issueNotice, NOT_HELD } from "#app/conclusions/issue.server.ts";
import { noticeDocx, noticePdf } from "#app/conclusions/notice-pdf.server.ts";
import { createNoticeDraft, readNotice, saveNoticeDraft } from "#app/conclusions/notice.server.ts";
import { setNoticeTaskStatus } from "#app/conclusions/tasks.server.ts";
import type { NoticeDraftValues } from "#app/conclusions/notice-form.ts";
import { pdfFile } from "#tests/helpers/pdf-checks.ts";
import { startSmtp } from "#tests/helpers/smtp.ts";

// Seed 001: Quảng Nam, 18/01/2024 08:00–11:30, 20 attendees (two absent with a reason).
let conferenceId = "";
let organizationId = "";
const pdfText = (pdf: Buffer) =>
  execFileSync("pdftotext", [pdfFile(pdf), "-"], { encoding: "utf8" })
    .normalize("NFC")
    .replace(/\s+/g, " ");

beforeAll(async () => {
  const c = await prisma.conference.findFirstOrThrow({
    where: { documentNumber: "71", issueYear: 2024, organization: { name: { contains: "Quảng Nam" } } },
    select: { id: true, organizationId: true },
  });
  conferenceId = c.id;
  organizationId = c.organizationId;
});

describe("the seeded notice", () => {
  it("is issued as Số: 15/TB-UBND with a real PDF carrying the roll call and the tasks", async () => {
    const n = (await readNotice(prisma, conferenceId))!;
    expect(n).toMatchObject({ status: "ISSUED", documentNumber: "15" });
    expect(n.attendanceSummary).toBe("có mặt 18/20 đại biểu, vắng 2 có lý do");
    expect(n.tasks.some((t) => t.planTaskId)).toBe(true);
    const text = pdfText((await readFile(prisma, n.pdfFileId!))!.bytes);
    expect(text).toContain("Số: 15/TB-UBND");
    expect(text).toContain("có mặt 18/20 đại biểu");
    expect(text).toContain("Thời hạn: 29/03/2024");
    const docx = (await noticeDocx(conferenceId))!;
    expect(docx.baseName).toBe("thong-bao-ket-luan-15-TB-UBND");
    expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");
  });
});

describe("drafting and issuing a conclusion notice", () => {
  afterAll(async () => {
    await prisma.outboxMessage.deleteMany({ where: { kind: "CONCLUSION" } });
  });

  it("drafts from the conference: title, chair, opening, one item per programme item, the plan's recipients", async () => {
    await prisma.conclusionNotice.delete({ where: { conferenceId } });
    await createNoticeDraft(SYSTEM_ACTOR, conferenceId);
    await createNoticeDraft(SYSTEM_ACTOR, conferenceId); // a second press finds the draft
    const n = (await readNotice(prisma, conferenceId))!;
    expect(n.status).toBe("DRAFT");
    expect(n.documentNumber).toBeNull();
    expect(n.title).toBe(
      "Kết luận của Lãnh đạo Ủy ban nhân dân tỉnh tại Hội nghị tổng kết công tác cải cách hành chính năm 2023, triển khai các nhiệm vụ trọng tâm năm 2024",
    );
    expect(n.opening).toMatch(/^Ngày 18 tháng 01 năm 2024, tại Hội trường UBND tỉnh Quảng Nam/);
    expect(n.items.map((i) => i.heading)).toContain("Phát biểu chỉ đạo");
    expect(n.items.map((i) => i.heading)).not.toContain("Giải lao");
    expect(n.recipients.at(-1)!.text).toBe("Lưu: VT, NCKS.");
    expect(n.signerName).toBe("Hồ Quang Bửu");
    const draft = pdfText((await noticePdf(conferenceId))!.bytes);
    expect(draft).toContain("THÔNG BÁO (DỰ THẢO)");
    expect(draft).toContain("có mặt 18/20 đại biểu, vắng 2 có lý do");
  });

  it("refuses to issue before the meeting has been held", async () => {
    const future = await prisma.conference.create({
      data: {
        organizationId,
        title: "Hội nghị chưa diễn ra",
        issuePlace: "Quảng Nam",
        issueYear: 2030,
        status: "INVITATIONS_SENT",
        startsAt: new Date("2030-03-01T08:00:00+07:00"),
      },
      select: { id: true },
    });
    await createNoticeDraft(SYSTEM_ACTOR, future.id);
    expect(await issueNotice(SYSTEM_ACTOR, future.id, { documentNumber: "1", issuedOn: "2030-03-02" })).toEqual({
      ok: false,
      formError: NOT_HELD,
    });
    expect((await readNotice(prisma, future.id))!.status).toBe("DRAFT");
  });

  it("issues once: PDF stored, attendance frozen, one e-mail per attendee and addressed recipient, late warning", async () => {
    const n = (await readNotice(prisma, conferenceId))!;
    const planTask = await prisma.taskAssignment.findFirstOrThrow({
      where: { conferenceId },
      orderBy: { position: "asc" },
    });
    const values: NoticeDraftValues = {
      ...n,
      items: n.items.map((i) => ({
        ...i,
        agendaItemId: i.agendaItemId ?? undefined,
        text: `Kết luận về ${i.heading}.`,
      })),
      tasks: [
        {
          assignee: "Sở Nội vụ",
          duties: "Tham mưu Kế hoạch nâng cao Chỉ số CCHC năm 2024",
          dueDate: "2024-03-29",
          planTaskId: planTask.id,
        },
        { assignee: "UBND các huyện, thị xã, thành phố", duties: "Xây dựng kế hoạch khắc phục", dueDate: "2024-02-29" },
      ],
      recipients: [
        { text: "Các Sở, Ban, ngành;", email: "" },
        { text: "Sở Nội vụ;", email: "snv@quangnam.example" },
        { text: "Lưu: VT.", email: "" },
      ],
    };
    expect(await saveNoticeDraft(SYSTEM_ACTOR, conferenceId, values, [])).toEqual({ ok: true });
    await prisma.outboxMessage.deleteMany({});
    const issued = await issueNotice(SYSTEM_ACTOR, conferenceId, { documentNumber: "12", issuedOn: "2024-01-30" });
    expect(issued).toMatchObject({ ok: true });
    expect(issued.ok && issued.warning).toBe(
      "Thông báo kết luận cần ban hành chậm nhất ngày 25/01/2024 (05 ngày làm việc sau cuộc họp, Quyết định số 45/2018/QĐ-TTg); đã ban hành muộn 3 ngày làm việc.",
    );
    const attendees = await prisma.attendee.count({ where: { conferenceId, revokedAt: null } });
    expect(await prisma.outboxMessage.count({ where: { kind: "CONCLUSION" } })).toBe(attendees + 1);
    // Issuing again: nothing new.
    expect(
      await issueNotice(SYSTEM_ACTOR, conferenceId, { documentNumber: "13", issuedOn: "2024-01-31" }),
    ).toMatchObject({
      ok: true,
    });
    expect(await prisma.outboxMessage.count({ where: { kind: "CONCLUSION" } })).toBe(attendees + 1);
    const after = (await readNotice(prisma, conferenceId))!;
    expect(after).toMatchObject({ status: "ISSUED", documentNumber: "12" });
    expect(after.attendanceSummary).toBe("có mặt 18/20 đại biểu, vắng 2 có lý do");
    const text = pdfText((await readFile(prisma, after.pdfFileId!))!.bytes);
    for (const s of ["THÔNG BÁO", "Số: 12/TB-UBND", "có mặt 18/20 đại biểu, vắng 2 có lý do", "Thời hạn: 29/03/2024"])
      expect(text).toContain(s);
    expect(text).not.toContain("DỰ THẢO");
    expect(text).toContain("Sở Nội vụ: Tham mưu Kế hoạch nâng cao Chỉ số CCHC năm 2024.");
    expect(after.tasks[0]!.planTaskId).toBe(planTask.id);
  });

  it("delivers the e-mails through SMTP with the issued PDF attached", async () => {
    const smtp = await startSmtp();
    const transport = smtpTransport(smtp.url);
    try {
      const total = await prisma.outboxMessage.count({ where: { kind: "CONCLUSION" } });
      expect(await drainOnce({ transport, compose: composeMessage })).toEqual({ sent: total, retried: 0, failed: 0 });
      expect(smtp.received).toHaveLength(total);
      const line = await prisma.outboxMessage.findFirstOrThrow({
        where: { kind: "CONCLUSION", noticeRecipientId: { not: null } },
        select: { messageId: true },
      });
      const mail = await simpleParser(smtp.received.find((r) => r.messageId === line.messageId)!.raw);
      expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain("snv@quangnam.example");
      expect(mail.subject).toMatch(/^Thông báo số 12\/TB-UBND: Kết luận của/);
      expect(mail.text).toContain("Kính gửi: Sở Nội vụ");
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.filename).toBe("thong-bao-ket-luan-12-TB-UBND.pdf");
      expect(pdfText(mail.attachments[0]!.content)).toContain("Số: 12/TB-UBND");
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it("follows a task after issue; a draft can no longer be saved", async () => {
    const n = (await readNotice(prisma, conferenceId))!;
    expect(await setNoticeTaskStatus(SYSTEM_ACTOR, conferenceId, n.tasks[0]!.id, "DONE")).toBe(true);
    expect(await setNoticeTaskStatus(SYSTEM_ACTOR, conferenceId, "khong-co", "DONE")).toBe(false);
    expect((await readNotice(prisma, conferenceId))!.tasks[0]!.status).toBe("DONE");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "conclusion.task-status", entityId: n.tasks[0]!.id },
    });
    expect(audit.summary).toContain("Đã hoàn thành");
    const refused = await saveNoticeDraft(
      SYSTEM_ACTOR,
      conferenceId,
      { ...n, items: [], tasks: [], recipients: [] },
      [],
    );
    expect(refused).toMatchObject({ ok: false });
  });
});

describe("the five-working-day warning", () => {
  it("names the day and says nothing more when in time", () => {
    const end = new Date("2024-01-18T11:30:00+07:00");
    expect(deadlineWarning(end, new Date("2024-01-25T00:00:00+07:00"), new Date())).toBe(
      "Thông báo kết luận cần ban hành chậm nhất ngày 25/01/2024 (05 ngày làm việc sau cuộc họp, Quyết định số 45/2018/QĐ-TTg).",
    );
    expect(deadlineWarning(end, null, new Date("2024-01-29T09:00:00+07:00"))).toContain("đã quá hạn 2 ngày làm việc");
    expect(deadlineWarning(null, null, new Date())).toBeNull();
  });
});
