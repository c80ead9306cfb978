// A large conference's roll-call sheet and attendance report are built as jobs with progress (issue 15,
// goal 3): every attendee is in the PDF, the progress ends at the attendee count, a download names one
// build of its own conference, and a new build replaces the previous one.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDocument, documentJob, documentPdf } from "#app/attendance/document-jobs.server.ts";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { waitForJob } from "#app/jobs/jobs.server.ts";

const ATTENDEES = 2_100;
let conferenceId: string;
let otherConferenceId: string;

beforeAll(async () => {
  const org = await prisma.organization.findFirstOrThrow({
    where: { name: "UBND tỉnh Quảng Nam" },
    select: { id: true },
  });
  const create = (title: string) =>
    prisma.conference.create({
      data: { organizationId: org.id, title, issuePlace: "Quảng Nam", issueYear: 2026 },
      select: { id: true },
    });
  conferenceId = (await create("Tổ chức Hội nghị thử điểm danh lớn")).id;
  otherConferenceId = (await create("Tổ chức Hội nghị khác")).id;
  await createAttendees(
    SYSTEM_ACTOR,
    conferenceId,
    Array.from({ length: ATTENDEES }, (_, i) => ({
      name: `Phạm Văn Điểm ${i + 1}`,
      position: "Chuyên viên",
      organizationName: `UBND xã Thử ${i % 9}`,
      email: `diem${i + 1}@quangnam.hoinghi.local`,
      phone: "",
    })),
    { kind: "file", fileName: "dai-bieu.xlsx" },
  );
});

function pdfText(pdf: Buffer): { pages: number; text: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attendance-doc-"));
  const file = path.join(dir, "doc.pdf");
  fs.writeFileSync(file, pdf);
  try {
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    return {
      pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
      text: execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(["sheet", "report"] as const)("the %s as a job", (document) => {
  it("draws every attendee with progress, serves that build to this conference only, and replaces it with a new one", async () => {
    expect(await documentJob(document, conferenceId)).toBeNull();
    const queued = await buildDocument(document, conferenceId);
    // Queued, not yet reporting: no made-up total (a job row's total starts at 1).
    expect(queued).toMatchObject({ status: "building", done: 0, total: 0 });
    // This process's job worker runs it (enqueueJob kicks it).
    const done = await waitForJob(queued.id, 60_000);
    expect(done).toMatchObject({ status: "DONE", done: ATTENDEES, total: ATTENDEES });
    expect(await documentJob(document, conferenceId)).toEqual({
      id: queued.id,
      status: "ready",
      done: ATTENDEES,
      total: ATTENDEES,
    });
    const pdf = (await documentPdf(document, conferenceId, queued.id))!;
    const { pages, text } = pdfText(pdf);
    expect(pages).toBeGreaterThan(10);
    // Every attendee once (the table may set a name's trailing number apart from it).
    expect(text.match(/Phạm Văn Điểm/g)).toHaveLength(ATTENDEES);
    // Another conference's address, or the other document's, does not serve it.
    expect(await documentPdf(document, otherConferenceId, queued.id)).toBeNull();
    expect(await documentPdf(document === "sheet" ? "report" : "sheet", conferenceId, queued.id)).toBeNull();

    // A new build is a new job; once it is done, only it is kept.
    const again = await buildDocument(document, conferenceId);
    expect(again.id).not.toBe(queued.id);
    expect(await buildDocument(document, conferenceId)).toMatchObject({ id: again.id });
    await waitForJob(again.id, 60_000);
    expect(await documentPdf(document, conferenceId, again.id)).not.toBeNull();
    expect(await documentPdf(document, conferenceId, queued.id)).toBeNull();
  }, 120_000);
});
