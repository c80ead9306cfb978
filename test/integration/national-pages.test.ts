// The queries behind the organisers' pages of a nation-wide conference (issue 15, goal 3) return what the
// rows themselves hold: bridge points searched, counted and paged in SQL (database/bridge-search), the
// pickers' choices, the readiness board's page and counts, the check-in lists' page and counts, and the
// self check-in posters built as a job with progress.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensurePosters, posterInput, postersJob, readPostersPdf } from "#app/attendance/poster-jobs.server.ts";
import { readinessBoard } from "#app/bridges/readiness.server.ts";
import { bridgesWithoutList, listCounts, listPage, type CheckinScope } from "#app/checkin/lists.server.ts";
import { BRIDGE_CHOICES_SHOWN, bridgeChoices, bridgeIdPage } from "#app/database/bridge-search.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { waitForJob, findJob } from "#app/jobs/jobs.server.ts";

const BRIDGES = 450;
const READINESS = ["UNTESTED", "PASSED", "FAILED"] as const;
let conferenceId: string;
let bridges: Array<{ id: string; name: string; position: number; readiness: string; contactEmail: string }>;

const scope = (): CheckinScope => ({
  conference: { id: conferenceId, title: "", status: "ISSUED", organizationId: "" },
  staff: true,
  canManage: true,
  operatedBridgeIds: [],
});

beforeAll(async () => {
  const org = await prisma.organization.findFirstOrThrow({ select: { id: true } });
  const c = await prisma.conference.create({
    data: { organizationId: org.id, title: "Hội nghị toàn quốc", issuePlace: "Hà Nội", issueYear: 2026 },
    select: { id: true },
  });
  conferenceId = c.id;
  // Positions in reverse order of creation, so ordering by position is not the insertion order.
  await prisma.bridgePoint.createMany({
    data: Array.from({ length: BRIDGES }, (_, i) => ({
      id: `np${String(i).padStart(4, "0")}`,
      conferenceId,
      position: BRIDGES - i,
      name: i % 10 === 0 ? `Điểm cầu UBND phường Đông số ${i}` : `Điểm cầu UBND xã số ${i}`,
      contactName: i % 7 === 0 ? "Nguyễn Thị Ánh" : "Trần Văn Bình",
      contactEmail: i % 4 === 0 ? " " : `xa${i}@example.vn`,
      isMain: i === 0,
      readiness: READINESS[i % 3]!,
      testRequestedAt: i % 5 === 0 ? new Date() : null,
    })),
  });
  bridges = await prisma.bridgePoint.findMany({
    where: { conferenceId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, readiness: true, contactEmail: true },
  });
  // Two tests for some bridge points (the later one counts), attendees at some.
  const early = new Date(Date.now() - 60_000);
  await prisma.connectivityTest.createMany({
    data: bridges
      .filter((_, i) => i % 6 === 0)
      .flatMap((b) => [
        { bridgePointId: b.id, createdAt: early, result: "FAILED" as const, notes: "lần đầu" },
        { bridgePointId: b.id, createdAt: new Date(), result: "PASSED" as const, notes: "lần sau" },
      ]),
  });
  await prisma.attendee.createMany({
    data: Array.from({ length: 300 }, (_, i) => ({
      conferenceId,
      name: `Đại biểu ${i}`,
      email: `np${i}@example.vn`,
      token: `np-token-${i}`,
      invitationKey: `np-key-${i}`,
      bridgePointId: i % 2 ? bridges[i % 40]!.id : null,
    })),
  });
});

describe("bridge points searched, counted and paged in SQL", () => {
  it("pages by position and counts every bridge point; a page past the end is the last one", async () => {
    const first = await bridgeIdPage(conferenceId, {}, { page: 1, perPage: 100, order: "position" });
    expect(first).toMatchObject({ page: 1, pages: 5, matching: BRIDGES });
    expect(first.ids).toEqual(bridges.slice(0, 100).map((b) => b.id));
    const past = await bridgeIdPage(conferenceId, {}, { page: 99, perPage: 100, order: "position" });
    expect(past.page).toBe(5);
    expect(past.ids).toEqual(bridges.slice(400).map((b) => b.id));
  });

  it("finds every word typed without marks in the name or the technical contact", async () => {
    const fold = (b: (typeof bridges)[number], contact: string) => foldVietnamese(`${b.name} ${contact}`);
    const contacts = new Map(
      (await prisma.bridgePoint.findMany({ where: { conferenceId }, select: { id: true, contactName: true } })).map(
        (b) => [b.id, b.contactName],
      ),
    );
    for (const q of ["dong so 1", "xa so 12", "anh", "PHƯỜNG đông", "không có"]) {
      const words = foldVietnamese(q).split(" ");
      const expected = bridges.filter((b) => words.every((w) => fold(b, contacts.get(b.id)!).includes(w)));
      const found = await bridgeIdPage(conferenceId, { q }, { page: 1, perPage: 1000, order: "position" });
      expect(found.matching, q).toBe(expected.length);
      expect(found.ids, q).toEqual(expected.map((b) => b.id));
    }
  });

  it("filters by readiness and orders problems first (failed, untested, passed), then by position", async () => {
    const rank = { FAILED: 0, UNTESTED: 1, PASSED: 2 } as Record<string, number>;
    const expected = [...bridges].sort((a, b) => rank[a.readiness]! - rank[b.readiness]! || a.position - b.position);
    const all = await bridgeIdPage(conferenceId, {}, { page: 2, perPage: 100, order: "problems" });
    expect(all.ids).toEqual(expected.slice(100, 200).map((b) => b.id));
    const failed = await bridgeIdPage(
      conferenceId,
      { readiness: "FAILED" },
      { page: 1, perPage: 1000, order: "problems" },
    );
    expect(failed.ids).toEqual(bridges.filter((b) => b.readiness === "FAILED").map((b) => b.id));
  });

  it("offers a picker the first bridge points, or those a search finds, and says how many there are", async () => {
    const first = await bridgeChoices(conferenceId, "");
    expect(first).toMatchObject({ total: BRIDGES, limited: true, searched: false });
    expect(first.rows).toEqual(bridges.slice(0, BRIDGE_CHOICES_SHOWN).map((b) => ({ id: b.id, name: b.name })));
    const found = await bridgeChoices(conferenceId, "xã số 44");
    expect(found.searched).toBe(true);
    expect(found.rows.map((b) => b.name).sort()).toEqual(
      bridges
        .filter((b) => ["xa", "so", "44"].every((w) => foldVietnamese(`${b.name} Trần Văn Bình`).includes(w)))
        .map((b) => b.name)
        .sort(),
    );
    const small = await bridgeChoices(conferenceId, "xã số 44", BRIDGES);
    expect(small).toMatchObject({ limited: false, searched: false, matching: BRIDGES });
    expect(small.rows).toHaveLength(BRIDGES);
  });
});

describe("the readiness board at national scale", () => {
  it("counts every bridge point in SQL and shows one page, problems first, with each one's last test", async () => {
    const board = await readinessBoard(conferenceId, { page: 1, perPage: 50 });
    const count = (r: string) => bridges.filter((b) => b.readiness === r).length;
    expect(board.counts).toEqual({
      UNTESTED: count("UNTESTED"),
      PASSED: count("PASSED"),
      FAILED: count("FAILED"),
      requested: BRIDGES / 5,
      total: BRIDGES,
    });
    expect(board.pendingWithEmail).toBe(
      bridges.filter((b) => b.readiness !== "PASSED" && b.contactEmail.trim()).length,
    );
    expect(board.paging).toEqual({ page: 1, pages: Math.ceil(BRIDGES / 50), matching: BRIDGES, perPage: 50 });
    expect(board.bridges).toHaveLength(50);
    expect(board.bridges.every((b) => b.readiness === "FAILED")).toBe(true);
    const tested = board.bridges.filter((b) => b.last);
    expect(tested.length).toBeGreaterThan(0);
    for (const b of tested) expect(b.last!.notes).toBe("lần sau");
    const attendees = await prisma.attendee.groupBy({
      by: ["bridgePointId"],
      where: { conferenceId },
      _count: { _all: true },
    });
    for (const b of board.bridges)
      expect(b.attendees).toBe(attendees.find((a) => a.bridgePointId === b.id)?._count._all ?? 0);
    const searched = await readinessBoard(conferenceId, { q: "phuong dong", status: "PASSED" });
    expect(searched.bridges.map((b) => b.id)).toEqual(
      bridges.filter((b) => b.readiness === "PASSED" && b.name.includes("phường Đông")).map((b) => b.id),
    );
    expect(searched.counts.total).toBe(BRIDGES);
  });
});

describe("check-in lists at national scale", () => {
  it("pages and searches the lists, counts bridge points without one, and counts the page's sites", async () => {
    expect(await bridgesWithoutList(conferenceId)).toBe(BRIDGES - 1);
    await prisma.checkinList.create({ data: { conferenceId, name: "Cổng chính", position: 0 } });
    await prisma.checkinList.createMany({
      data: bridges
        .filter((b, i) => i % 2 === 0 && b.position !== BRIDGES)
        .map((b, i) => ({ conferenceId, name: b.name, bridgePointId: b.id, position: i + 1 })),
    });
    const withList = new Set(
      (await prisma.checkinList.findMany({ where: { conferenceId }, select: { bridgePointId: true } })).map(
        (l) => l.bridgePointId,
      ),
    );
    const main = await prisma.bridgePoint.findFirstOrThrow({ where: { conferenceId, isMain: true } });
    expect(await bridgesWithoutList(conferenceId)).toBe(
      bridges.filter((b) => b.id !== main.id && !withList.has(b.id)).length,
    );
    const lists = await prisma.checkinList.findMany({
      where: { conferenceId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, bridgePointId: true },
    });
    const second = await listPage(scope(), { q: "", page: 2 });
    expect(second.paging).toMatchObject({ page: 2, matching: lists.length, pages: Math.ceil(lists.length / 50) });
    expect(second.lists.map((l) => l.id)).toEqual(lists.slice(50, 100).map((l) => l.id));
    const found = await listPage(scope(), { q: "xa so 4", page: 1 });
    expect(found.lists.map((l) => l.id)).toEqual(
      lists
        .filter((l) => ["xa", "so", "4"].every((w) => foldVietnamese(l.name).includes(w)))
        .slice(0, 50)
        .map((l) => l.id),
    );
    const operator = await listPage(
      { ...scope(), staff: false, operatedBridgeIds: [lists[3]!.bridgePointId!] },
      { q: "", page: 1 },
    );
    expect(operator.lists.map((l) => l.id)).toEqual([lists[3]!.id]);

    // The counts of a page's lists: those of its sites only, as if every list were counted.
    const counts = await listCounts(conferenceId, second.lists);
    for (const l of second.lists) {
      const expected = await prisma.attendee.count({ where: { conferenceId, bridgePointId: l.bridgePointId } });
      expect(counts.get(l.id)).toEqual({ expected, present: 0, here: 0 });
    }
    const hall = await listCounts(conferenceId, [lists[0]!]);
    expect(hall.get(lists[0]!.id)!.expected).toBe(
      await prisma.attendee.count({
        where: { conferenceId, OR: [{ bridgePointId: null }, { bridgePointId: main.id }] },
      }),
    );
  });
});

describe("self check-in posters as a job", () => {
  it("builds one page per bridge point with progress, and serves the same build until a bridge changes", async () => {
    const input = (await posterInput(conferenceId))!;
    expect(input.bridges.map((b) => b.name)).toEqual(bridges.map((b) => b.name));
    const keys = await prisma.bridgePoint.findMany({ where: { conferenceId }, select: { posterKey: true } });
    expect(keys.every((k) => k.posterKey)).toBe(true);
    const queued = await ensurePosters(conferenceId, input);
    expect(queued.status).toBe("building");
    // This process's job worker runs it (enqueueJob kicks it).
    const row = (await findJob("posters", `${conferenceId}/${queued.fingerprint}`))!;
    const done = await waitForJob(row.id, 60_000);
    expect(done).toMatchObject({ status: "DONE", done: BRIDGES, total: BRIDGES });
    expect(await postersJob(conferenceId)).toMatchObject({ status: "ready", total: BRIDGES });
    const pdf = (await readPostersPdf(conferenceId, queued.fingerprint))!;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "posters-")), "posters.pdf");
    fs.writeFileSync(file, pdf);
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(new RegExp(`Pages:\\s+${BRIDGES}\\n`));
    const text = execFileSync("pdftotext", ["-f", "2", "-l", "2", file, "-"], { encoding: "utf8" });
    expect(text).toContain(bridges[1]!.name);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });

    // Asked again with nothing changed: the same build, ready at once.
    expect(await ensurePosters(conferenceId, (await posterInput(conferenceId))!)).toMatchObject({
      fingerprint: queued.fingerprint,
      status: "ready",
    });
    await prisma.bridgePoint.update({ where: { id: bridges[1]!.id }, data: { name: "Điểm cầu đổi tên" } });
    const changed = await ensurePosters(conferenceId, (await posterInput(conferenceId))!);
    expect(changed.fingerprint).not.toBe(queued.fingerprint);
    await prisma.bridgePoint.update({ where: { id: bridges[1]!.id }, data: { name: bridges[1]!.name } });
  }, 120_000);
});
