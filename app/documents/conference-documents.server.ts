// What each official document of a conference is drawn from, loaded once for both of its files:
// the PDF and the Word file (.docx) of the plan, the programme and the award list. The routes call
// these and pick the renderer. (The attendance report's: app/attendance/report-pdf.server.ts;
// the generic giấy mời's: app/invitations/generic-letter.server.ts.)
import { agendaItems } from "#app/agenda/agenda.server.ts";
import { listAwards } from "#app/awards/awards.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import type { AwardListInput } from "#app/documents/award-list-pdf.server.ts";
import { planPdfMeta, type PlanPdfMeta } from "#app/documents/plan-pdf.server.ts";
import type { ProgrammeInput } from "#app/documents/programme-pdf.server.ts";
import { asciiFileName } from "#app/lib/file-names.ts";
import { buildPlanDocument, type PlanDocument } from "#app/plans/document.ts";
import { getConference, toDocumentInput } from "#app/plans/plans.server.ts";

/** "ke-hoach-71-kh-ubnd" from "Kế hoạch" and "Số: 71/KH-UBND"; just "ke-hoach" while the number is blank. */
export function documentFileName(type: string, numberLine = ""): string {
  const number = numberLine.replace(/^Số:\s*/u, "").trim();
  return asciiFileName(/^[^/\s]+\//u.test(number) ? `${type} ${number}` : type);
}

/** The plan's document model and its file metadata. */
export async function planForFiles(
  conferenceId: string,
): Promise<{ doc: PlanDocument; meta: PlanPdfMeta; fileName: string }> {
  const c = await getConference(conferenceId);
  const doc = buildPlanDocument(toDocumentInput(c));
  return {
    doc,
    meta: { ...planPdfMeta(doc), createdAt: c.updatedAt },
    fileName: documentFileName(doc.documentType.toLocaleLowerCase("vi"), doc.header.numberLine),
  };
}

/** The programme (chương trình); a 409 while the conference has no start time. */
export async function programmeForFiles(conferenceId: string): Promise<ProgrammeInput> {
  const c = await getConference(conferenceId);
  if (!c.startsAt)
    throw new Response("Hội nghị chưa có ngày giờ cụ thể nên chưa in được chương trình.", { status: 409 });
  const plan = buildPlanDocument(toDocumentInput(c));
  return {
    // The programme goes with the plan: same issuing body and date, no number of its own.
    header: { ...plan.header, numberLine: "" },
    meeting: meetingName(c.title),
    startsAt: c.startsAt,
    venue: c.venue,
    items: await agendaItems(c.id),
  };
}

/** The award list (danh sách khen thưởng); a 409 while there is none. */
export async function awardListForFiles(conferenceId: string): Promise<AwardListInput> {
  const c = await getConference(conferenceId);
  const awards = await listAwards(c.id);
  if (!awards.length) throw new Response("Hội nghị chưa có danh sách khen thưởng.", { status: 409 });
  const plan = buildPlanDocument(toDocumentInput(c));
  return {
    header: { ...plan.header, numberLine: "" },
    meeting: meetingName(c.title),
    awards,
    closing: { recipients: ["Lưu: VT."], signature: plan.signature, signerName: plan.signerName },
  };
}
