import { Document, Packer, Paragraph } from "docx";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import "#app/mail-composers.server.ts";
import { composeMessage } from "#app/mailing/composers.server.ts";
import { organiserDocuments } from "#app/meeting-documents/listing.server.ts";
import * as page from "#app/routes/conferences.$id.documents._index.tsx";
import * as attendeeFile from "#app/routes/i.$token.documents.$docId.tsx";
import * as bridgeFile from "#app/routes/b.$key_.documents.$docId.tsx";
import { call, post, signIn, type Person } from "#tests/helpers/route-call.ts";

// Meeting documents (issue 14): uploads checked by content, audiences, classified documents, publishing
// through the outbox exactly once, the read counter, and one 404 for everyone outside. Through the route
// modules as Remix calls them; on SQLite and on PostgreSQL (npm run test:pg).

let office: Person;
let conferenceId: string;
let otherConferenceId: string;
type Att = { id: string; token: string; email: string; bridgePointId: string | null };
let people: Att[];

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array(200).fill(0)]);

async function realDocx(): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Dự thảo")] }] })));
}

async function plainZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("ghi-chu.txt", "không phải tài liệu Word");
  return zip.generateAsync({ type: "uint8array" });
}

function form(fields: Record<string, string | string[]>, file?: [string, Uint8Array]): FormData {
  const f = new FormData();
  f.set("intent", "create");
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  if (file) f.set("file", new File([file[1] as BlobPart], file[0]));
  return f;
}

const path = () => `/conferences/${conferenceId}/documents?index`;
const act = (fields: Record<string, string> | FormData) =>
  call(page.action, post(path(), office, fields), { id: conferenceId });

async function add(fields: Record<string, string | string[]>, file?: [string, Uint8Array]) {
  return act(form({ phase: "BEFORE", audience: "EVERYONE", ...fields }, file));
}

async function docId(title: string) {
  return (await prisma.meetingDocument.findFirstOrThrow({ where: { conferenceId, title }, select: { id: true } })).id;
}

const counts = async () => ({
  docs: await prisma.meetingDocument.count(),
  files: await prisma.storedFile.count(),
  audit: await prisma.auditEvent.count(),
});

async function open(kind: "i" | "b", key: string, id: string): Promise<Response> {
  const fn = kind === "i" ? attendeeFile.loader : bridgeFile.loader;
  const params = kind === "i" ? { token: key, docId: id } : { key, docId: id };
  try {
    return (await fn({
      request: new Request(`http://localhost/${kind}/${key}/documents/${id}`),
      params,
      context: {},
    })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

beforeAll(async () => {
  office = await signIn("vanphong.quangnam@hoinghi.local");
  const plan = await prisma.conference.findFirstOrThrow({
    where: { title: { startsWith: "Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2023" } },
    select: { id: true },
  });
  conferenceId = plan.id;
  otherConferenceId = (
    await prisma.conference.findFirstOrThrow({
      where: { id: { not: conferenceId }, attendees: { some: {} } },
      select: { id: true },
    })
  ).id;
  people = await prisma.attendee.findMany({
    where: { conferenceId, revokedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, token: true, email: true, bridgePointId: true },
  });
  expect(people.length).toBeGreaterThan(5);
});

describe("uploads are checked by content, refusals save nothing", () => {
  it.each([
    ["a renamed .exe", "bao-cao.pdf", EXE, "Nội dung tệp không phải PDF"],
    ["an .exe renamed .docx", "du-thao.docx", EXE, "Nội dung tệp không phải Word"],
    ["an .exe as such", "cai-dat.exe", EXE, "Chỉ nhận tệp PDF, Word"],
  ])("%s is refused with a Vietnamese message", async (_name, fileName, bytes, message) => {
    const before = await counts();
    const r = await add({ title: "Tệp lạ" }, [fileName, bytes]);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.result.error)).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("a plain .zip renamed .docx is refused; a real .docx passes", async () => {
    const before = await counts();
    const refused = await add({ title: "Zip đổi tên" }, ["du-thao.docx", await plainZip()]);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.result.error)).toContain("Nội dung tệp không phải Word (.docx)");
    expect(await counts()).toEqual(before);
    const ok = await add({ title: "Dự thảo thật" }, ["Dự thảo.docx", await realDocx()]);
    expect(ok.status).toBe(200);
    const saved = await prisma.meetingDocument.findFirstOrThrow({
      where: { conferenceId, title: "Dự thảo thật" },
      select: { contentType: true, fileId: true, publishedAt: true },
    });
    expect(saved.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(saved.fileId).not.toBeNull();
    expect(saved.publishedAt).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "meeting-document.create" } })).toBeGreaterThan(0);
  });

  it("a file over the upload limit is a 413 with a Vietnamese message, nothing saved", async () => {
    const before = await counts();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const r = await add({ title: "Quá lớn" }, ["qua-lon.pdf", big]);
    expect(r.status).toBe(413);
    expect(String(r.body)).toContain("Tệp quá lớn (tối đa 10 MB)");
    expect(await counts()).toEqual(before);
  });

  it("a chosen audience naming nobody is refused", async () => {
    const before = await counts();
    for (const audience of ["GROUPS", "BRIDGES", "ATTENDEES"]) {
      const r = await add({ title: "Không ai nhận", audience }, ["a.pdf", PDF]);
      expect(r.status).toBe(400);
      expect(r.body.result.error.audience).toEqual(["Chưa chọn người nhận tài liệu."]);
    }
    // An attendee of another conference names nobody here.
    const foreign = await prisma.attendee.findFirstOrThrow({
      where: { conferenceId: otherConferenceId },
      select: { id: true },
    });
    const r = await add({ title: "Không ai nhận", audience: "ATTENDEES", attendeeIds: foreign.id }, ["a.pdf", PDF]);
    expect(r.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("a classified document refuses a file and is kept by title and note only", async () => {
    const before = await counts();
    const r = await add({ title: "Tài liệu mật A", classified: "on" }, ["mat.pdf", PDF]);
    expect(r.status).toBe(400);
    expect(r.body.result.error.file).toEqual(["Tài liệu mật không được gửi qua mạng; chỉ ghi tên tài liệu."]);
    expect(await counts()).toEqual(before);
    const ok = await add({ title: "Tài liệu mật A", classified: "on", note: "Nhận bản giấy tại Văn phòng UBND tỉnh" });
    expect(ok.status).toBe(200);
    const doc = await prisma.meetingDocument.findFirstOrThrow({ where: { conferenceId, title: "Tài liệu mật A" } });
    expect([doc.classified, doc.fileId, doc.note]).toEqual([true, null, "Nhận bản giấy tại Văn phòng UBND tỉnh"]);
  });
});

describe("publishing, the read counter and who may open", () => {
  it("queues one message per person of the audience, none for classified documents, exactly once", async () => {
    const [a1, a2] = people;
    const withBridge = people.find((p) => p.bridgePointId && p.id !== a1!.id && p.id !== a2!.id);
    expect(withBridge).toBeDefined();
    await prisma.bridgePoint.update({
      where: { id: withBridge!.bridgePointId! },
      data: { contactEmail: "vanhanh.diemcau@quangnam.gov.vn" },
    });
    expect(
      (await add({ title: "Riêng hai đại biểu", audience: "ATTENDEES", attendeeIds: [a1!.id, a2!.id] }, ["r.pdf", PDF]))
        .status,
    ).toBe(200);
    expect(
      (
        await add({ title: "Cho điểm cầu", audience: "BRIDGES", bridgePointIds: withBridge!.bridgePointId! }, [
          "b.pdf",
          PDF,
        ])
      ).status,
    ).toBe(200);
    // a2's invitation passes to a substitute before publication: a2 gets nothing.
    await prisma.attendee.update({ where: { id: a2!.id }, data: { revokedAt: new Date() } });
    const ids = [await docId("Riêng hai đại biểu"), await docId("Cho điểm cầu"), await docId("Tài liệu mật A")];
    const round = (await prisma.conference.findUniqueOrThrow({ where: { id: conferenceId } })).documentRound;
    const r = await act(new URLSearchParams([["intent", "publish"], ...ids.map((id) => ["documentIds", id])]) as never);
    expect(r.status).toBe(200);
    const messages = await prisma.outboxMessage.findMany({
      where: { conferenceId, kind: "DOCUMENTS", version: round + 1 },
      select: { attendeeId: true, bridgePointId: true, toAddress: true, changeNote: true },
    });
    const bridgeAttendees = people.filter((p) => p.bridgePointId === withBridge!.bridgePointId && p.id !== a2!.id);
    expect(messages.map((m) => m.attendeeId ?? m.bridgePointId).sort()).toEqual(
      [a1!.id, ...bridgeAttendees.map((p) => p.id), withBridge!.bridgePointId!].sort(),
    );
    expect(messages.find((m) => m.attendeeId === a1!.id)!.changeNote).toBe("Riêng hai đại biểu");
    expect(messages.some((m) => m.changeNote.includes("Tài liệu mật A"))).toBe(false);
    expect(messages.find((m) => m.bridgePointId)!.toAddress).toBe("vanhanh.diemcau@quangnam.gov.vn");
    // Pressed again: nothing left to publish, nothing queued.
    const again = await act(
      new URLSearchParams([["intent", "publish"], ...ids.map((id) => ["documentIds", id])]) as never,
    );
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body.result.error)).toContain("Không có tài liệu nào chờ công bố.");
    expect(
      await prisma.outboxMessage.count({ where: { conferenceId, kind: "DOCUMENTS", version: { gt: round } } }),
    ).toBe(messages.length);
    expect((await prisma.conference.findUniqueOrThrow({ where: { id: conferenceId } })).documentRound).toBe(round + 1);
    // The e-mail: the document's title and the attendee's own page, no attachment.
    const row = await prisma.outboxMessage.findFirstOrThrow({
      where: { attendeeId: a1!.id, kind: "DOCUMENTS", version: round + 1 },
    });
    const mail = await composeMessage({ ...row });
    expect(String(mail.text)).toContain("Riêng hai đại biểu");
    expect(String(mail.text)).toContain(`/i/${a1!.token}`);
    expect(mail.attachments ?? []).toEqual([]);
    expect(mail.messageId).toBe(row.messageId);
  });

  it("an attendee of the audience opens the file and the counter changes; everyone else gets the same 404", async () => {
    const [a1, a2, , a4] = people;
    const id = await docId("Riêng hai đại biểu");
    const count = async () => (await organiserDocuments(conferenceId)).find((d) => d.id === id)!;
    expect([(await count()).viewers, (await count()).audienceSize]).toEqual([0, 1]);
    const res = await open("i", a1!.token, id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Content-Disposition")).toBe('inline; filename="r.pdf"');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    expect((await count()).viewers).toBe(1);
    expect((await open("i", a1!.token, id)).status).toBe(200);
    const view = await prisma.documentView.findUniqueOrThrow({
      where: { documentId_attendeeId: { documentId: id, attendeeId: a1!.id } },
    });
    expect(view.count).toBe(2);
    expect((await count()).viewers).toBe(1);

    const bad = await open("i", "khong-phai-token", id);
    const outsider = await open("i", a4!.token, id);
    const revoked = await open("i", a2!.token, id);
    const classified = await open("i", a1!.token, await docId("Tài liệu mật A"));
    const unpublished = await open("i", a1!.token, await docId("Dự thảo thật"));
    const otherDoc = await prisma.meetingDocument.create({
      data: {
        conferenceId: otherConferenceId,
        position: 99,
        title: "Của hội nghị khác",
        audience: "EVERYONE",
        publishedAt: new Date(),
      },
    });
    const foreign = await open("i", a1!.token, otherDoc.id);
    for (const r of [bad, outsider, revoked, classified, unpublished, foreign]) {
      expect(r.status).toBe(404);
      expect(await r.text()).toBe("Đường dẫn giấy mời không đúng hoặc đã hết hiệu lực.");
    }
    expect(await prisma.documentView.count({ where: { documentId: id } })).toBe(1);
  });

  it("a bridge operator opens a document of the bridge; an Office file downloads under an ASCII name", async () => {
    const bridgeDoc = await docId("Cho điểm cầu");
    const b = await prisma.bridgePoint.findFirstOrThrow({
      where: { documentTargets: { some: { documentId: bridgeDoc } } },
      select: { id: true, accessKey: true },
    });
    const other = await prisma.bridgePoint.findFirstOrThrow({
      where: { conferenceId, id: { not: b.id }, accessKey: { not: null } },
      select: { accessKey: true },
    });
    expect((await open("b", b.accessKey!, bridgeDoc)).status).toBe(200);
    expect(await prisma.documentView.count({ where: { documentId: bridgeDoc, bridgePointId: b.id } })).toBe(1);
    expect((await open("b", other.accessKey!, bridgeDoc)).status).toBe(404);
    expect((await open("b", "sai-khoa", bridgeDoc)).status).toBe(404);
    // The seeded Word draft, published for a group: the operator page lists it only if the audience says so.
    const docx = await prisma.meetingDocument.findFirstOrThrow({
      where: { conferenceId, title: "Dự thảo Kế hoạch CCHC năm 2024" },
      select: { id: true, targets: { select: { groupId: true } } },
    });
    const member = await prisma.attendee.findFirstOrThrow({
      where: { conferenceId, revokedAt: null, groupId: docx.targets[0]!.groupId },
      select: { token: true },
    });
    const res = await open("i", member.token, docx.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="du-thao-ke-hoach-cchc-2024.docx"');
  });
});
