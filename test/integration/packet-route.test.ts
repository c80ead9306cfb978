import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { ensurePacket, packetInput, packetJob, readPacketPdf } from "#app/documents/packet-jobs.server.ts";
import {
  packetFingerprint,
  renderPacketPdf,
  renderPacketXlsx,
  type PacketCriteria,
  type PacketInput,
} from "#app/documents/packet/packet.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { analyseCriteria } from "#app/scoring/analysis/index.ts";
import { MAPPING_SOURCE_LABEL, remediationTallyText } from "#app/scoring/analysis-labels.ts";
import { formatPct, formatPoints, formatSignedPct } from "#app/scoring/format.ts";
import { getConference } from "#app/plans/plans.server.ts";

describe("presentation packet of a seeded conference", () => {
  it("builds in the background, reports progress, and is reused until the data changes", async () => {
    const { id } = await prisma.conference.findFirstOrThrow({
      where: { scoringRoundId: { not: null }, title: { contains: "Công bố chỉ số" } },
      select: { id: true },
    });
    const input = (await packetInput(await getConference(id)))!;
    expect(input.summary.ranking.length).toBeGreaterThan(5);
    const job = await ensurePacket(id, input);
    expect(job.status).toBe("building");
    // The build runs as a job row: its progress is read from the database, not from the object above.
    await expect.poll(async () => (await packetJob(id))?.status, { timeout: 30_000 }).toBe("ready");
    const ready = (await packetJob(id))!;
    expect(ready).toMatchObject({ fingerprint: job.fingerprint, status: "ready" });
    expect(ready.done).toBe(ready.total);
    const pdf = (await readPacketPdf(id, job.fingerprint))!;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Same data: the stored file is reused, no new build.
    expect((await ensurePacket(id, input)).status).toBe("ready");
    // A changed score gives a new fingerprint and a new build.
    const score = await prisma.nodeScore.findFirstOrThrow({
      where: { roundUnit: { round: { conferences: { some: { id } } } } },
      select: { roundUnitId: true, nodeId: true, finalPoints: true },
    });
    await prisma.nodeScore.update({
      where: { roundUnitId_nodeId: { roundUnitId: score.roundUnitId, nodeId: score.nodeId } },
      data: { finalPoints: 0 },
    });
    const changed = (await packetInput(await getConference(id)))!;
    const rebuilt = await ensurePacket(id, changed);
    expect(rebuilt.fingerprint).not.toBe(job.fingerprint);
    expect(rebuilt.status).toBe("building");
    await expect.poll(async () => (await packetJob(id))?.status, { timeout: 30_000 }).toBe("ready");
    expect((await packetJob(id))?.fingerprint).toBe(rebuilt.fingerprint);
    // Only the newest packet is kept: the one of the old data is gone with its file.
    expect(await readPacketPdf(id, job.fingerprint)).toBeNull();
    expect(await prisma.job.count({ where: { kind: "packet", scope: id } })).toBe(1);
    expect(await prisma.storedFile.count({ where: { kind: "job:packet" } })).toBe(1);
  });

  it("is rebuilt when units are put in blocks or left out of the ranking, and shows the blocks", async () => {
    const { id, scoringRoundId } = await prisma.conference.findFirstOrThrow({
      where: { scoringRoundId: { not: null }, title: { contains: "Công bố chỉ số" } },
      select: { id: true, scoringRoundId: true },
    });
    const before = packetFingerprint((await packetInput(await getConference(id)))!);
    const units = await prisma.roundUnit.findMany({
      where: { roundId: scoringRoundId! },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(units.length).toBeGreaterThan(3);
    const wards = await prisma.roundBlock.create({
      data: { roundId: scoringRoundId!, name: "Phường", nameKey: "phường", position: 1 },
    });
    const communes = await prisma.roundBlock.create({
      data: { roundId: scoringRoundId!, name: "Xã, đặc khu", nameKey: "xã, đặc khu", position: 2 },
    });
    const half = Math.ceil(units.length / 2);
    await prisma.roundUnit.updateMany({
      where: { id: { in: units.slice(0, half).map((u) => u.id) } },
      data: { blockId: wards.id },
    });
    await prisma.roundUnit.updateMany({
      where: { id: { in: units.slice(half).map((u) => u.id) } },
      data: { blockId: communes.id },
    });
    const inBlocks = (await packetInput(await getConference(id)))!;
    expect(inBlocks.summary.blocks.map((b) => b.name)).toEqual(["Phường", "Xã, đặc khu"]);
    const blocked = packetFingerprint(inBlocks);
    expect(blocked).not.toBe(before);
    for (const b of inBlocks.summary.blocks) expect(b.results[0]!.rank).toBe(1);

    await prisma.roundUnit.update({
      where: { id: units[units.length - 1]!.id },
      data: { ranked: false, notRankedReason: "Đặc khu mới thành lập" },
    });
    const notRanked = (await packetInput(await getConference(id)))!;
    expect(packetFingerprint(notRanked)).not.toBe(blocked);
    const xlsx = await renderPacketXlsx(notRanked);
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
    const unit = notRanked.summary.ranking.find((r) => !r.ranked)!;
    expect(unit).toMatchObject({ rank: null, block: "Xã, đặc khu", notRankedReason: "Đặc khu mới thành lập" });
  });
});

// -- the year-on-year sections (issue 16) ---------------------------------------------------------

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-packet-route-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let files = 0;
/** The PDF's text, one run of spaces each; KEEP_PACKET_PDF=/tmp/name keeps a copy (name-1.pdf …) to look at. */
function pdfText(pdf: Buffer): string {
  return pdfTexts(pdf).text;
}

/** The text, and the lines as laid out on the pages (each with one run of spaces). */
function pdfTexts(pdf: Buffer): { text: string; lines: string[] } {
  const file = path.join(dir, `packet-${++files}.pdf`);
  fs.writeFileSync(file, pdf);
  if (process.env.KEEP_PACKET_PDF) fs.copyFileSync(file, `${process.env.KEEP_PACKET_PDF}-${files}.pdf`);
  const read = (...args: string[]) =>
    execFileSync("pdftotext", [...args, "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).normalize("NFC");
  return {
    text: read().replace(/\s+/g, " "),
    lines: read("-layout")
      .split("\n")
      .map((l) => l.replace(/\s+/g, " ").trim()),
  };
}

async function sheetRows(input: PacketInput, name: string): Promise<unknown[][]> {
  const bytes = await renderPacketXlsx(input);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const conferenceOfRound = async (where: Prisma.AssessmentRoundWhereInput) =>
  (await prisma.conference.findFirstOrThrow({ where: { scoringRound: where }, select: { id: true } })).id;

describe("the packet's criterion analysis and remediation loop", () => {
  it("compares Tam Đường's communes 2023 with 2022 criterion by criterion, in the PDF and the xlsx", async () => {
    const id = await conferenceOfRound({ year: 2023, title: { contains: "Tam Đường" } });
    const input = (await packetInput(await getConference(id)))!;
    expect(input.analysis).toMatchObject({
      state: "ok",
      year: 2023,
      previousYear: 2022,
      mappingSource: "same-framework",
    });
    const basis = input.analysis as PacketCriteria;
    expect(basis.remediation).toBeNull();
    const analysis = analyseCriteria(basis.input);
    const text = pdfText(await renderPacketPdf(input));
    expect(text).toContain("PHÂN TÍCH THEO TIÊU CHÍ");
    expect(text).not.toContain("KẾT QUẢ THỰC HIỆN KẾ HOẠCH KHẮC PHỤC");
    expect(text).toContain(
      `So sánh kết quả năm 2023 với năm 2022 (${basis.previousTitle}): ${analysis.comparedUnits}/${analysis.units} đơn vị có kết quả năm trước để so sánh. ${MAPPING_SOURCE_LABEL["same-framework"]}.`,
    );
    // The criterion whose average fell most: first in the chart, and its row in its area's table.
    const drop = analysis.largestDrops[0]!;
    expect(text).toContain(
      `${formatSignedPct(drop.change)} (${formatPct(drop.previousAveragePct)} → ${formatPct(drop.averagePct)} %)`,
    );
    // (The title may wrap over several lines: the figures follow its first line.)
    expect(text).toMatch(
      new RegExp(
        `${drop.code.replace(/\./g, "\\.")} [^]{1,200}? ${formatPoints(drop.maxPoints)} ${formatPct(drop.averagePct)} ${formatPct(drop.previousAveragePct)} ${formatSignedPct(drop.change)} ${drop.newlyLost}/${drop.compared}`,
      ),
    );
    const [head, ...rows] = await sheetRows(input, "Phan tich tieu chi");
    expect(head![5]).toBe("Tỷ lệ bình quân năm 2023 (%)");
    expect(rows.slice(0, analysis.rows.length).map((r) => r[1])).toEqual(analysis.rows.map((r) => r.codes.join(", ")));
    const row = rows.find((r) => r[1] === drop.code)!;
    expect(row[5] as number).toBeCloseTo(drop.averagePct!, 9);
    expect(row[6] as number).toBeCloseTo(drop.previousAveragePct!, 9);
    expect(row.slice(8, 13)).toEqual([drop.compared, drop.keptFull, drop.gained, drop.lost, drop.newlyLost]);
  });

  it("gives one line with the reason for Đà Nẵng 2025 against the totals-only 2024", async () => {
    const id = await conferenceOfRound({ year: 2025, title: { contains: "Đà Nẵng" } });
    const input = (await packetInput(await getConference(id)))!;
    expect(input.analysis?.state).toBe("refused");
    const message = (input.analysis as { message: string }).message;
    expect(message).toContain("chỉ có tổng điểm của từng đơn vị");
    const text = pdfText(await renderPacketPdf(input));
    expect(text).toMatch(
      new RegExp(`PHÂN TÍCH THEO TIÊU CHÍ ${message.replace(/[.()“”]/g, ".")} \\d+ [IVX]+\\. ĐIỂM NỔI BẬT`),
    );
    expect(await sheetRows(input, "Phan tich tieu chi")).toEqual([[message]]);
  });

  it("follows Tánh Linh's plan into a 2024 round: the tally, the plan, the actions not recovered", async () => {
    const r23 = await prisma.assessmentRound.findFirstOrThrow({
      where: { year: 2023, title: { contains: "Bình Thuận" } },
      select: {
        id: true,
        organizationId: true,
        frameworkId: true,
        units: { select: { id: true, organizationId: true, scores: true } },
      },
    });
    const plan = await prisma.remediationPlan.findFirstOrThrow({
      where: { roundUnit: { roundId: r23.id } },
      select: {
        id: true,
        roundUnit: { select: { organizationId: true, organization: { select: { name: true } } } },
        actions: { select: { id: true, nodeId: true, code: true }, orderBy: { position: "asc" } },
      },
    });
    expect(plan.actions.length).toBeGreaterThan(2);
    const r24 = await prisma.assessmentRound.create({
      data: {
        organizationId: r23.organizationId,
        frameworkId: r23.frameworkId,
        year: 2024,
        title: "Chỉ số cải cách hành chính UBND các huyện, thị xã, thành phố tỉnh Bình Thuận năm 2024",
        shape: "DETAILED",
        status: "PUBLISHED",
        previousRoundId: r23.id,
      },
      select: { id: true },
    });
    // The same scores as 2023, but Tánh Linh's first action's criterion at full marks and its second halfway.
    const maxOf = new Map(
      (await prisma.frameworkNode.findMany({ where: { frameworkId: r23.frameworkId! } })).map((n) => [
        n.id,
        n.maxPoints,
      ]),
    );
    const [full, half] = plan.actions;
    for (const u of r23.units) {
      const { id: roundUnitId } = await prisma.roundUnit.create({
        data: { roundId: r24.id, organizationId: u.organizationId },
        select: { id: true },
      });
      await prisma.nodeScore.createMany({
        data: u.scores.map((s) => {
          let finalPoints = s.finalPoints ?? s.selfPoints;
          if (u.organizationId === plan.roundUnit.organizationId && s.nodeId === full!.nodeId)
            finalPoints = maxOf.get(s.nodeId)!;
          if (u.organizationId === plan.roundUnit.organizationId && s.nodeId === half!.nodeId)
            finalPoints = ((finalPoints ?? 0) + maxOf.get(s.nodeId)!) / 2;
          return {
            roundUnitId,
            nodeId: s.nodeId,
            selfPoints: s.selfPoints,
            finalPoints,
            notApplicable: s.notApplicable,
          };
        }),
      });
    }
    // The Quảng Nam conference (no other test here reads it) announces the new round.
    const id = await conferenceOfRound({ year: 2023, title: { contains: "Quảng Nam" } });
    await prisma.conference.update({ where: { id }, data: { scoringRoundId: r24.id } });
    const input = (await packetInput(await getConference(id)))!;
    const basis = input.analysis as PacketCriteria;
    expect(basis).toMatchObject({ state: "ok", year: 2024, previousYear: 2023 });
    const total = plan.actions.length;
    expect(basis.remediation!.tally).toEqual({
      total,
      recovered: 1,
      partly: 1,
      notRecovered: total - 2,
      notAssessed: 0,
    });
    const tally = `2/${total} hành động đã lấy lại điểm (1 đủ điểm, 1 một phần)`;
    expect(remediationTallyText(basis.remediation!.tally)).toBe(tally);

    const { text, lines } = pdfTexts(await renderPacketPdf(input));
    expect(text).toContain("PHÂN TÍCH THEO TIÊU CHÍ");
    expect(text).toContain(
      `KẾT QUẢ THỰC HIỆN KẾ HOẠCH KHẮC PHỤC Các kế hoạch khắc phục những tiêu chí bị trừ điểm năm 2023, đối chiếu với kết quả năm 2024. ${tally}`,
    );
    const unit = plan.roundUnit.organization.name;
    expect(lines).toContain(`${unit} ${total} 1 1 ${total - 2} 0`);
    const partly = basis.remediation!.actions[1]!;
    expect(text).toContain(
      `${formatPct(partly.outcome.before!.pct)} % → ${formatPct(partly.outcome.after!.pct)} % Lấy lại một phần`,
    );

    const [head, ...rows] = await sheetRows(input, "Khac phuc");
    expect(head!.slice(0, 4)).toEqual(["Đơn vị", "Kế hoạch", "Mã tiêu chí", "Tiêu chí bị trừ điểm"]);
    expect(rows.slice(0, total).map((r) => [r[0], r[2], r[11]])).toEqual(
      plan.actions.map((a, i) => [unit, a.code, ["Đã lấy lại đủ điểm", "Lấy lại một phần"][i] ?? "Chưa lấy lại điểm"]),
    );
    expect(rows[1]![10] as number).toBeCloseTo(partly.outcome.after!.pct, 9);
    expect(rows.at(-1)).toEqual([tally]);

    // The fingerprint follows last year's scores and the actions.
    const before = packetFingerprint(input);
    await prisma.remediationAction.update({ where: { id: plan.actions.at(-1)!.id }, data: { title: "Nội dung khác" } });
    const retitled = packetFingerprint((await packetInput(await getConference(id)))!);
    expect(retitled).not.toBe(before);
    const score = r23.units.find((u) => u.organizationId !== plan.roundUnit.organizationId)!.scores[0]!;
    await prisma.nodeScore.update({
      where: { roundUnitId_nodeId: { roundUnitId: score.roundUnitId, nodeId: score.nodeId } },
      data: { finalPoints: (score.finalPoints ?? 0) + 0.25, notApplicable: false },
    });
    expect(packetFingerprint((await packetInput(await getConference(id)))!)).not.toBe(retitled);
  });
});
