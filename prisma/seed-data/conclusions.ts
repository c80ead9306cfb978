// Demo conclusion notice of seed 001 (Quảng Nam, held 18/01/2024): issued on 24/01/2024 as "Số: 15/TB-UBND",
// one conclusion per item of the programme, four tasks followed since (one carrying on a plan task), the
// recipients (one with an e-mail address). The roll call is worded from the seeded attendance and the PDF is
// rendered here, as issuing does, so downloading it gives the real document. No e-mail is queued.
// Deterministic: no clock, no randomness. Needs the agenda, the plan tasks and the attendance seeded first.

import type { Prisma } from "#app/generated/prisma/client.ts";
import type { TaskStatus } from "#app/conferences/vocabulary.ts";
import { isPresent } from "#app/attendance/summary.ts";
import { attendanceLine } from "#app/conclusions/attendance-line.ts";
import { conclusionDocumentSpec, draftWording } from "#app/conclusions/document.ts";
import { renderOfficialDocument } from "#app/documents/pdf.server.ts";
import { putFile } from "#app/files/stored-files.server.ts";
import { issuingBody } from "#app/plans/document.ts";

const PLAN_KEY = "quang-nam-2024-tong-ket-cchc-2023";
const day = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

/** Conclusions by the start of the programme item's title. */
const CONCLUSIONS: Array<[string, string]> = [
  [
    "Báo cáo tổng kết",
    "Hội nghị thống nhất với báo cáo tổng kết công tác cải cách hành chính năm 2023. Công tác cải cách hành chính tiếp tục được các cấp, các ngành quan tâm chỉ đạo; việc giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông có chuyển biến tích cực.\nTuy nhiên, tỷ lệ hồ sơ trực tuyến toàn trình và việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính ở một số sở, ngành, địa phương còn thấp; tình trạng hồ sơ trễ hạn chưa được khắc phục triệt để.",
  ],
  [
    "Công bố Chỉ số",
    "Thống nhất kết quả xác định Chỉ số cải cách hành chính và Chỉ số hài lòng của người dân, doanh nghiệp năm 2023 do Sở Nội vụ công bố. Các cơ quan, địa phương xếp hạng thấp phải phân tích nguyên nhân theo từng tiêu chí bị trừ điểm và có giải pháp khắc phục cụ thể trong năm 2024.",
  ],
  [
    "Tham luận: Kinh nghiệm",
    "Ghi nhận kinh nghiệm của thành phố Hội An trong việc gắn trách nhiệm người đứng đầu với kết quả Chỉ số cải cách hành chính; đề nghị các địa phương nghiên cứu, vận dụng phù hợp với điều kiện thực tế.",
  ],
  [
    "Tham luận: Chuyển đổi số",
    "Đánh giá cao mô hình hỗ trợ người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa của huyện Núi Thành; giao Sở Thông tin và Truyền thông hướng dẫn nhân rộng trên địa bàn tỉnh.",
  ],
  [
    "Trao thưởng",
    "Biểu dương các tập thể, cá nhân đạt giải cuộc thi “Tìm hiểu, tuyên truyền cải cách hành chính năm 2023”; đề nghị các cơ quan, đơn vị tiếp tục đổi mới hình thức tuyên truyền về cải cách hành chính.",
  ],
  [
    "Phát biểu chỉ đạo",
    "Năm 2024, các sở, ban, ngành và UBND các huyện, thị xã, thành phố tập trung thực hiện đồng bộ các nhiệm vụ cải cách hành chính; người đứng đầu chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả cải cách hành chính của cơ quan, địa phương mình.\nPhấn đấu năm 2024 đạt tối thiểu 50% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình; không để phát sinh hồ sơ trễ hạn mà không có văn bản xin lỗi.",
  ],
];

const TASKS: Array<{
  assignee: string;
  organizationKey?: string;
  duties: string;
  due: string;
  status: TaskStatus;
  /** The plan task it carries on, by the plan task's assignee. */
  carries?: string;
}> = [
  {
    assignee: "Sở Nội vụ",
    organizationKey: "quang-nam-so-noi-vu",
    duties:
      "Tổng hợp kế hoạch khắc phục của các cơ quan, địa phương xếp hạng thấp; tham mưu UBND tỉnh ban hành Kế hoạch nâng cao Chỉ số cải cách hành chính năm 2024.",
    due: "2024-03-29",
    status: "IN_PROGRESS",
    carries: "Sở Nội vụ",
  },
  {
    assignee: "Sở Thông tin và Truyền thông",
    organizationKey: "quang-nam-so-tttt",
    duties: "Hướng dẫn các địa phương nhân rộng mô hình hỗ trợ nộp hồ sơ trực tuyến tại Bộ phận Một cửa.",
    due: "2024-04-30",
    status: "NOT_STARTED",
  },
  {
    assignee: "UBND các huyện, thị xã, thành phố",
    duties: "Phân tích các tiêu chí bị trừ điểm của địa phương, xây dựng kế hoạch khắc phục, gửi Sở Nội vụ tổng hợp.",
    due: "2024-02-29",
    status: "DONE",
  },
  {
    assignee: "Văn phòng UBND tỉnh",
    organizationKey: "quang-nam-van-phong",
    duties: "Theo dõi, đôn đốc việc thực hiện Thông báo này; định kỳ hằng quý báo cáo UBND tỉnh.",
    due: "2024-06-28",
    status: "IN_PROGRESS",
  },
];

const RECIPIENTS: Array<{ text: string; email?: string }> = [
  { text: "Chủ tịch, các PCT UBND tỉnh;" },
  { text: "Các Sở, Ban, ngành;" },
  { text: "Sở Nội vụ;", email: "cchc.snv@quangnam.hoinghi.local" },
  { text: "UBND các huyện, TX, TP;" },
  { text: "CPVP;" },
  { text: "Lưu: VT, NC." },
];

/** The issued notice of seed 001's conference. */
export async function seedConclusions(
  tx: Prisma.TransactionClient,
  conferenceIdByPlanKey: Map<string, string>,
  orgId: (key: string) => string,
) {
  const conferenceId = conferenceIdByPlanKey.get(PLAN_KEY);
  if (!conferenceId) throw new Error(`Seed: unknown plan ${PLAN_KEY}`);
  const c = await tx.conference.findUniqueOrThrow({
    where: { id: conferenceId },
    select: {
      title: true,
      venue: true,
      startsAt: true,
      issuePlace: true,
      organization: {
        select: {
          name: true,
          documentName: true,
          level: { select: { code: true } },
          parent: { select: { documentName: true } },
        },
      },
      agendaItems: { orderBy: { position: "asc" }, select: { id: true, title: true } },
      taskAssignments: { select: { id: true, assignee: true } },
      attendees: {
        where: { revokedAt: null },
        select: { attendance: { select: { status: true, absenceReason: true } } },
      },
    },
  });
  const wording = draftWording({
    ...c,
    chair: "Phó Chủ tịch UBND tỉnh Hồ Quang Bửu",
    organizationName: c.organization.name,
  });
  const present = c.attendees.filter((a) => isPresent(a.attendance?.status)).length;
  const excused = c.attendees.filter((a) => a.attendance?.status === "ABSENT" && a.attendance.absenceReason).length;
  const attendanceSummary = attendanceLine({
    invited: c.attendees.length,
    present,
    absentExcused: excused,
    absentUnexcused: c.attendees.length - present - excused,
  });
  const items = CONCLUSIONS.map(([start, text]) => {
    const agendaItem = c.agendaItems.find((a) => a.title.startsWith(start));
    if (!agendaItem) throw new Error(`Seed: no agenda item “${start}…”`);
    return { agendaItemId: agendaItem.id, heading: agendaItem.title, text };
  });
  const tasks = TASKS.map((t) => ({
    assignee: t.assignee,
    organizationId: t.organizationKey ? orgId(t.organizationKey) : null,
    duties: t.duties,
    dueDate: day(t.due),
    status: t.status,
    planTaskId: t.carries ? (c.taskAssignments.find((p) => p.assignee === t.carries)?.id ?? null) : null,
  }));
  const notice = {
    status: "ISSUED" as const,
    documentNumber: "15",
    documentSymbol: "TB-UBND",
    issuePlace: c.issuePlace,
    issuedOn: day("2024-01-24"),
    issuedAt: new Date("2024-01-24T16:30:00+07:00"),
    ...wording,
    attendanceSummary,
    signAuthority: "TL. CHỦ TỊCH",
    signDelegation: "KT. CHÁNH VĂN PHÒNG",
    signerTitle: "PHÓ CHÁNH VĂN PHÒNG",
    signerName: "Nguyễn Hồng Quang",
  };
  const pdf = await renderOfficialDocument(
    conclusionDocumentSpec({
      ...notice,
      issuingBody: issuingBody(c.organization),
      items,
      tasks,
      recipients: RECIPIENTS,
    }),
  );
  const pdfFileId = await putFile(tx, {
    kind: "conclusion-notice",
    name: "thong-bao-ket-luan-15-TB-UBND.pdf",
    contentType: "application/pdf",
    bytes: pdf,
  });
  await tx.conclusionNotice.create({
    data: {
      conferenceId,
      ...notice,
      pdfFileId,
      items: { create: items.map((it, position) => ({ position, ...it })) },
      tasks: { create: tasks.map((t, position) => ({ position, ...t })) },
      recipients: { create: RECIPIENTS.map((r, position) => ({ position, text: r.text, email: r.email ?? null })) },
    },
  });
}
