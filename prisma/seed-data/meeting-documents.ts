// Demo meeting documents of seed 001 (Quảng Nam, Hội nghị tổng kết CCHC năm 2023, 18/01/2024): a report
// for everyone (PDF in the Decree 30 layout), a draft plan for one attendee group (Word), the index score
// table for three bridge points (Excel), a classified document listed by name only, and the slides shown
// at the meeting, sent afterwards (PowerPoint). All published, in time (12/01/2024, due 15/01/2024), with
// read receipts so the organisers' page shows counts such as "đã xem 9/20". Files are real and small.
// No randomness; the dates are fixed (the Word file alone stamps its package with the time of seeding).
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import ExcelJS from "exceljs";
import { renderOfficialDocument } from "#app/documents/pdf.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { buildPptx } from "#prisma/seed-data/meeting-documents-pptx.ts";

const PLAN_KEY = "quang-nam-2024-tong-ket-cchc-2023";
const CT = "application/vnd.openxmlformats-officedocument";
const PUBLISHED = new Date("2024-01-12T09:00:00+07:00");
const AFTER_PUBLISHED = new Date("2024-01-19T15:30:00+07:00");

function reportPdf(): Promise<Buffer> {
  return renderOfficialDocument({
    info: { title: "Báo cáo kết quả công tác CCHC năm 2023", author: "UBND tỉnh Quảng Nam", createdAt: PUBLISHED },
    header: {
      issuingBody: "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM",
      numberLine: "Số: 09/BC-UBND",
      placeAndDate: "Quảng Nam, ngày 10 tháng 01 năm 2024",
    },
    documentType: "BÁO CÁO",
    title: "Kết quả công tác cải cách hành chính năm 2023, nhiệm vụ trọng tâm năm 2024",
    body: [
      { kind: "heading", text: "I. KẾT QUẢ THỰC HIỆN NĂM 2023" },
      {
        kind: "paragraph",
        text: "Năm 2023, UBND tỉnh đã ban hành và triển khai đầy đủ Kế hoạch cải cách hành chính; 100% nhiệm vụ được giao đúng tiến độ, trong đó 96% hoàn thành trong năm.",
      },
      {
        kind: "paragraph",
        text: "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 98,6%; 1.154 thủ tục hành chính được cung cấp dịch vụ công trực tuyến toàn trình.",
      },
      { kind: "heading", text: "II. NHIỆM VỤ TRỌNG TÂM NĂM 2024" },
      {
        kind: "paragraph",
        text: "Tiếp tục nâng cao Chỉ số cải cách hành chính và Chỉ số hài lòng của người dân, doanh nghiệp; đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.",
      },
    ],
    recipients: ["Bộ Nội vụ (b/c)", "TT Tỉnh ủy, TT HĐND tỉnh (b/c)", "Các Sở, ban, ngành", "Lưu: VT, NC"],
    signature: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    signerName: "Trần Anh Tuấn",
  });
}

function draftPlanDocx(): Promise<Buffer> {
  const p = (text: string, bold = false) =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: { after: 120 },
      children: [new TextRun({ text, bold })],
    });
  const doc = new Document({
    creator: "UBND tỉnh Quảng Nam",
    title: "Dự thảo Kế hoạch CCHC năm 2024",
    styles: { default: { document: { run: { font: "Times New Roman", size: 28 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: "DỰ THẢO", bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024", bold: true })],
          }),
          p("I. MỤC ĐÍCH, YÊU CẦU", true),
          p(
            "Triển khai đồng bộ sáu nội dung cải cách hành chính; gắn trách nhiệm người đứng đầu với kết quả thực hiện.",
          ),
          p("II. NHIỆM VỤ CHỦ YẾU", true),
          p("1. Cải cách thể chế: rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành."),
          p(
            "2. Cải cách thủ tục hành chính: 100% thủ tục đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.",
          ),
          p("Các Sở, ban, ngành góp ý dự thảo trước ngày 25/01/2024."),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function scoresXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sở Nội vụ tỉnh Quảng Nam";
  wb.created = PUBLISHED;
  wb.modified = PUBLISHED;
  const ws = wb.addWorksheet("Chỉ số CCHC 2023");
  ws.addRow(["Bảng tổng hợp điểm Chỉ số cải cách hành chính năm 2023 – cấp huyện"]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(["TT", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Tổng điểm", "Xếp hạng"]).font =
    {
      bold: true,
    };
  const rows: Array<[string, number, number, number]> = [
    ["UBND thành phố Hội An", 62.5, 60.75, 28.41],
    ["UBND huyện Núi Thành", 61.0, 58.5, 27.9],
    ["UBND huyện Thăng Bình", 59.25, 57.0, 27.12],
    ["UBND huyện Duy Xuyên", 58.5, 56.25, 26.8],
    ["UBND huyện Đại Lộc", 57.75, 55.5, 26.35],
  ];
  rows.forEach(([name, self, checked, survey], i) =>
    ws.addRow([i + 1, name, self, checked, survey, Math.round((checked + survey) * 100) / 100, i + 1]),
  );
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 30 : 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function slidesPptx(): Promise<Buffer> {
  return buildPptx("Bài trình bày tại Hội nghị", [
    {
      title: "Tổng kết công tác CCHC năm 2023",
      lines: ["UBND tỉnh Quảng Nam", "Hội nghị ngày 18/01/2024"],
    },
    {
      title: "Kết quả nổi bật",
      lines: [
        "98,6% hồ sơ giải quyết đúng hạn",
        "1.154 dịch vụ công trực tuyến toàn trình",
        "Chỉ số hài lòng tăng 2,1 điểm",
      ],
    },
    {
      title: "Nhiệm vụ trọng tâm năm 2024",
      lines: ["Cải cách thủ tục hành chính gắn với chuyển đổi số", "Nâng cao trách nhiệm người đứng đầu"],
    },
  ]);
}

/** Meeting documents, their audiences and read receipts for seed 001's conference. */
export async function seedMeetingDocuments(tx: Prisma.TransactionClient, conferenceIdByPlanKey: Map<string, string>) {
  const conferenceId = conferenceIdByPlanKey.get(PLAN_KEY);
  if (!conferenceId) throw new Error(`Seed: unknown plan ${PLAN_KEY}`);
  // One query at a time on the transaction's one connection (see seedAttendance).
  const attendees = await tx.attendee.findMany({
    where: { conferenceId, revokedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, groupId: true, bridgePointId: true },
  });
  const groups = await tx.attendeeGroup.findMany({
    where: { conferenceId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const bridges = await tx.bridgePoint.findMany({
    where: { conferenceId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const group = groups[1] ?? groups[0];
  const chosenBridges = bridges.slice(1, 4);
  const [pdf, docx, xlsx, pptx] = await Promise.all([reportPdf(), draftPlanDocx(), scoresXlsx(), slidesPptx()]);
  const file = (name: string, contentType: string, bytes: Buffer) =>
    tx.storedFile.create({
      data: { kind: "meeting-document", name, contentType, size: bytes.byteLength, bytes: new Uint8Array(bytes) },
      select: { id: true },
    });
  type Spec = Omit<Prisma.MeetingDocumentUncheckedCreateInput, "conferenceId" | "position"> & {
    upload?: [string, string, Buffer];
  };
  const specs: Spec[] = [
    {
      title: "Báo cáo kết quả công tác CCHC năm 2023",
      audience: "EVERYONE",
      upload: ["Bao-cao-ket-qua-CCHC-2023.pdf", "application/pdf", pdf],
    },
    {
      title: "Dự thảo Kế hoạch CCHC năm 2024",
      note: "Đề nghị góp ý trước ngày 25/01/2024",
      audience: group ? "GROUPS" : "EVERYONE",
      upload: ["Du-thao-Ke-hoach-CCHC-2024.docx", `${CT}.wordprocessingml.document`, docx],
      targets: group ? { create: [{ groupId: group.id }] } : undefined,
    },
    {
      title: "Bảng tổng hợp điểm chỉ số CCHC năm 2023",
      audience: chosenBridges.length ? "BRIDGES" : "EVERYONE",
      upload: ["Bang-tong-hop-diem-chi-so-CCHC-2023.xlsx", `${CT}.spreadsheetml.sheet`, xlsx],
      targets: { create: chosenBridges.map((b) => ({ bridgePointId: b.id })) },
    },
    {
      title: "Kết quả thanh tra công vụ năm 2023",
      note: "Nhận bản giấy tại Văn phòng UBND tỉnh",
      classified: true,
      audience: "EVERYONE",
    },
    {
      title: "Bài trình bày tại Hội nghị",
      phase: "AFTER",
      audience: "EVERYONE",
      upload: ["Bai-trinh-bay-Hoi-nghi-CCHC-2023.pptx", `${CT}.presentationml.presentation`, pptx],
      publishedAt: AFTER_PUBLISHED,
    },
  ];
  const ids: string[] = [];
  for (const [i, { upload, ...s }] of specs.entries()) {
    const stored = upload ? await file(upload[0], upload[1], upload[2]) : null;
    const doc = await tx.meetingDocument.create({
      data: {
        conferenceId,
        position: i + 1,
        publishedAt: PUBLISHED,
        ...s,
        ...(upload
          ? { fileId: stored!.id, fileName: upload[0], contentType: upload[1], size: upload[2].byteLength }
          : {}),
        createdAt: new Date(PUBLISHED.getTime() - 86_400_000 + i * 60_000),
      },
      select: { id: true },
    });
    ids.push(doc.id);
  }
  await tx.conference.update({ where: { id: conferenceId }, data: { documentRound: 2 } });
  // Read receipts: nine attendees opened the report, some of them twice; the group read its draft, two
  // bridge operators opened the score table, a few attendees the slides after the meeting.
  const at = (day: number, hh: number, mm: number) => new Date(Date.UTC(2024, 0, day, hh - 7, mm));
  const views: Prisma.DocumentViewCreateManyInput[] = [];
  attendees.slice(0, 9).forEach((a, i) =>
    views.push({
      documentId: ids[0]!,
      attendeeId: a.id,
      firstAt: at(12, 10, 5 * i),
      lastAt: at(15, 8, 3 * i),
      count: 1 + (i % 3),
    }),
  );
  attendees
    .filter((a) => group && a.groupId === group.id)
    .slice(0, 3)
    .forEach((a, i) =>
      views.push({ documentId: ids[1]!, attendeeId: a.id, firstAt: at(13, 14, i * 7), lastAt: at(13, 14, i * 7) }),
    );
  chosenBridges.slice(0, 2).forEach((b, i) =>
    views.push({
      documentId: ids[2]!,
      bridgePointId: b.id,
      firstAt: at(16, 9, i * 11),
      lastAt: at(17, 16, i * 5),
      count: 2,
    }),
  );
  attendees
    .slice(2, 6)
    .forEach((a, i) =>
      views.push({ documentId: ids[4]!, attendeeId: a.id, firstAt: at(20, 8, i * 9), lastAt: at(20, 8, i * 9) }),
    );
  await tx.documentView.createMany({ data: views });
}
