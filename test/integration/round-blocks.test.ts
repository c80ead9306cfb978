import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { readTable } from "#app/lib/table/read.server.ts";
import { parseSummaryScores } from "#app/scoring/import-summary.ts";
import {
  addBlock,
  deleteBlock,
  moveBlock,
  renameBlock,
  setUnitPlacement,
  type PlacementOutcome,
} from "#app/scoring/placement.server.ts";
import { createRound } from "#app/scoring/round-writes.server.ts";
import { loadRound, roundSummaryFor } from "#app/scoring/rounds.server.ts";
import { importScores } from "#app/scoring/score-import.server.ts";

// Blocks, units not ranked, predecessors and published ranks, written through the app's domain functions
// and read back through the round's summary; on SQLite and on PostgreSQL (npm run test:pg).
//
// A 2025 round after the two-tier reorganisation (illustrative figures in the shape Hải Phòng publishes:
// departments and wards ranked separately): last year's departments and districts, this year's
// departments and wards, one ward formed from two former districts, one department not ranked.

const csv = (text: string) => new TextEncoder().encode(text);

let orgs: Array<{ id: string; name: string }>;
let previousRoundId: string;
let roundId: string;
const ru = new Map<string, string>(); // organisation name → round unit id of this year's round
const prevRu = new Map<string, string>(); // organisation name → round unit id of last year's round

async function auditCount() {
  return prisma.auditEvent.count({ where: { roundId } });
}

async function snapshot() {
  return {
    blocks: await prisma.roundBlock.findMany({ where: { roundId }, orderBy: { id: "asc" } }),
    units: await prisma.roundUnit.findMany({
      where: { roundId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        blockId: true,
        ranked: true,
        notRankedReason: true,
        publishedRank: true,
        summaryPoints: true,
        predecessors: { select: { previousRoundUnitId: true } },
      },
    }),
    audit: await auditCount(),
  };
}

const refused = (o: PlacementOutcome) => ("fieldErrors" in o ? o.fieldErrors : null);

beforeAll(async () => {
  orgs = await prisma.organization.findMany({
    where: { level: { code: "XA" } },
    orderBy: { name: "asc" },
    take: 8,
    select: { id: true, name: true },
  });
  expect(orgs).toHaveLength(8);
  const owner = await prisma.organization.findFirstOrThrow({
    where: { level: { code: "TINH" } },
    select: { id: true },
  });
  previousRoundId = await createRound(SYSTEM_ACTOR, {
    title: "Chỉ số CCHC năm 2024 (thử khối)",
    year: 2024,
    organizationId: owner.id,
    frameworkId: null,
    previousRoundId: null,
    unitIds: orgs.slice(0, 5).map((o) => o.id),
  });
  roundId = await createRound(SYSTEM_ACTOR, {
    title: "Chỉ số CCHC năm 2025 (thử khối)",
    year: 2025,
    organizationId: owner.id,
    frameworkId: null,
    previousRoundId,
    unitIds: [orgs[0]!, orgs[1]!, orgs[2]!, orgs[5]!, orgs[6]!, orgs[7]!].map((o) => o.id),
  });
  for (const u of await prisma.roundUnit.findMany({
    where: { roundId: { in: [roundId, previousRoundId] } },
    select: { id: true, roundId: true, organization: { select: { name: true } } },
  }))
    (u.roundId === roundId ? ru : prevRu).set(u.organization.name, u.id);
  // Last year: five units, published ranks 1..5 though the recomputed order differs for two of them.
  const prevLoaded = (await loadRound(previousRoundId))!;
  const lastYear = [
    [orgs[0]!, 90, 2],
    [orgs[1]!, 91, 1],
    [orgs[2]!, 80, 3],
    [orgs[3]!, 70, 4],
    [orgs[4]!, 60, 5],
  ] as const;
  const prevFile = ["don_vi,diem,diem_toi_da", ...lastYear.map(([o, p]) => `"${o.name}",${p},100`)].join("\n");
  expect(await importScores(SYSTEM_ACTOR, prevLoaded, { name: "2024.csv", data: csv(prevFile) })).toMatchObject({
    ok: true,
  });
  for (const [o, , rank] of lastYear)
    await prisma.roundUnit.update({ where: { id: prevRu.get(o.name)! }, data: { publishedRank: rank } });
  // This year's totals, survey part 30 of 100.
  const loaded = (await loadRound(roundId))!;
  const thisYear = [
    [orgs[0]!, 88, 25],
    [orgs[1]!, 92, 27],
    [orgs[2]!, 75, 20],
    [orgs[5]!, 85, 24],
    [orgs[6]!, 85, 26],
    [orgs[7]!, 70, 18],
  ] as const;
  const file = [
    "don_vi,diem,diem_toi_da,diem_dieu_tra",
    ...thisYear.map(([o, p, s]) => `"${o.name}",${p},100,${s}`),
  ].join("\n");
  expect(await importScores(SYSTEM_ACTOR, loaded, { name: "2025.csv", data: csv(file) })).toMatchObject({ ok: true });
  await prisma.roundUnit.updateMany({ where: { roundId }, data: { surveyMaxPoints: 30 } });
});

describe("round blocks and unit placement", () => {
  it("adds, renames, reorders and deletes blocks; a name differing only by case or spacing is refused, nothing written", async () => {
    expect(await addBlock(SYSTEM_ACTOR, roundId, "  Sở,  ban, ngành ")).toEqual({
      done: "Đã thêm khối “Sở, ban, ngành”.",
    });
    expect("done" in (await addBlock(SYSTEM_ACTOR, roundId, "Phường"))).toBe(true);
    expect("done" in (await addBlock(SYSTEM_ACTOR, roundId, "Xã, đặc khu"))).toBe(true);
    const before = await snapshot();
    expect(refused(await addBlock(SYSTEM_ACTOR, roundId, "SỞ, BAN,   NGÀNH"))).toEqual({
      name: ["Khối “Sở, ban, ngành” đã có trong đợt đánh giá"],
    });
    expect(refused(await addBlock(SYSTEM_ACTOR, roundId, "   "))).toEqual({ name: ["Nhập tên khối"] });
    const blocks = await prisma.roundBlock.findMany({ where: { roundId }, orderBy: { position: "asc" } });
    expect(blocks.map((b) => [b.name, b.position])).toEqual([
      ["Sở, ban, ngành", 0],
      ["Phường", 1],
      ["Xã, đặc khu", 2],
    ]);
    expect(refused(await renameBlock(SYSTEM_ACTOR, roundId, blocks[1]!.id, "Phường  "))).toBeNull();
    expect(refused(await renameBlock(SYSTEM_ACTOR, roundId, blocks[2]!.id, "phường"))).toEqual({
      name: ["Khối “Phường” đã có trong đợt đánh giá"],
    });
    expect(await snapshot()).toEqual(before);

    expect(await renameBlock(SYSTEM_ACTOR, roundId, blocks[2]!.id, "Xã và đặc khu")).toEqual({
      done: "Đã đổi tên khối thành “Xã và đặc khu”.",
    });
    expect("done" in (await moveBlock(SYSTEM_ACTOR, roundId, blocks[2]!.id, "up"))).toBe(true);
    expect(
      (await prisma.roundBlock.findMany({ where: { roundId }, orderBy: { position: "asc" } })).map((b) => b.name),
    ).toEqual(["Sở, ban, ngành", "Xã và đặc khu", "Phường"]);
    expect(await moveBlock(SYSTEM_ACTOR, roundId, blocks[0]!.id, "up")).toEqual({ done: "Khối đã ở vị trí đó." });
    expect("done" in (await moveBlock(SYSTEM_ACTOR, roundId, blocks[2]!.id, "down"))).toBe(true);

    const other = await prisma.roundBlock.create({
      data: { roundId: previousRoundId, name: "Khác", nameKey: "khác", position: 0 },
    });
    expect(refused(await renameBlock(SYSTEM_ACTOR, roundId, other.id, "Mới"))).toEqual({
      blockId: ["Không tìm thấy khối này trong đợt đánh giá"],
    });
    await prisma.roundBlock.delete({ where: { id: other.id } });

    const actions = await prisma.auditEvent.findMany({
      where: { roundId, action: { startsWith: "round.block" } },
      select: { action: true },
      orderBy: { at: "asc" },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "round.block-create",
      "round.block-create",
      "round.block-create",
      "round.block-rename",
      "round.block-reorder",
      "round.block-reorder",
    ]);
  });

  it("places units: block, not ranked with a reason, predecessors of the previous round, published rank; bad input saves nothing", async () => {
    const blocks = await prisma.roundBlock.findMany({ where: { roundId }, orderBy: { position: "asc" } });
    const so = blocks.find((b) => b.name === "Sở, ban, ngành")!;
    const phuong = blocks.find((b) => b.name === "Phường")!;
    const unit = (i: number) => ru.get(orgs[i]!.name)!;
    const base = { blockId: so.id, ranked: true, notRankedReason: null, predecessorIds: [], publishedRank: null };
    const before = await snapshot();
    expect(
      refused(await setUnitPlacement(SYSTEM_ACTOR, roundId, unit(0), { ...base, ranked: false, notRankedReason: " " })),
    ).toEqual({ notRankedReason: ["Nhập lý do không xếp hạng"] });
    expect(refused(await setUnitPlacement(SYSTEM_ACTOR, roundId, unit(0), { ...base, publishedRank: 0 }))).toEqual({
      publishedRank: ["Hạng phải là số nguyên dương"],
    });
    expect(refused(await setUnitPlacement(SYSTEM_ACTOR, roundId, unit(0), { ...base, publishedRank: 2.5 }))).toEqual({
      publishedRank: ["Hạng phải là số nguyên dương"],
    });
    // A unit of this round is no predecessor: predecessors come from the previous round only.
    expect(
      refused(await setUnitPlacement(SYSTEM_ACTOR, roundId, unit(5), { ...base, predecessorIds: [unit(0)] })),
    ).toEqual({ predecessorIds: ["Có đơn vị năm trước không thuộc đợt được so sánh"] });
    expect(refused(await setUnitPlacement(SYSTEM_ACTOR, roundId, unit(5), { ...base, blockId: "khong-co" }))).toEqual({
      blockId: ["Không tìm thấy khối này trong đợt đánh giá"],
    });
    expect(refused(await setUnitPlacement(SYSTEM_ACTOR, roundId, prevRu.get(orgs[0]!.name)!, base))).toEqual({
      roundUnitId: ["Không tìm thấy đơn vị này trong đợt đánh giá"],
    });
    expect(await snapshot()).toEqual(before);

    // Departments: 0, 1, 2 (2 not ranked); wards: 5 (formed from last year's 3 and 4), 6 and 7 (new units).
    for (const i of [0, 1]) expect("done" in (await setUnitPlacement(SYSTEM_ACTOR, roundId, unit(i), base))).toBe(true);
    expect(
      await setUnitPlacement(SYSTEM_ACTOR, roundId, unit(2), {
        ...base,
        ranked: false,
        notRankedReason: "Cơ quan Trung ương đóng trên địa bàn",
        publishedRank: 7,
      }),
    ).toEqual({ done: `Đã lưu ${orgs[2]!.name}.` });
    expect(
      "done" in
        (await setUnitPlacement(SYSTEM_ACTOR, roundId, unit(5), {
          ...base,
          blockId: phuong.id,
          predecessorIds: [prevRu.get(orgs[3]!.name)!, prevRu.get(orgs[4]!.name)!],
        })),
    ).toBe(true);
    for (const i of [6, 7])
      expect("done" in (await setUnitPlacement(SYSTEM_ACTOR, roundId, unit(i), { ...base, blockId: phuong.id }))).toBe(
        true,
      );
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { roundId, action: "roundUnit.placement", entityId: unit(2) },
      select: { changes: true, summary: true },
    });
    expect(audit.summary).toContain(orgs[2]!.name);
    expect(JSON.parse(audit.changes)).toEqual(
      expect.arrayContaining([
        { field: "block", before: null, after: "Sở, ban, ngành" },
        { field: "ranked", before: true, after: false },
        { field: "notRankedReason", before: null, after: "Cơ quan Trung ương đóng trên địa bàn" },
        { field: "publishedRank", before: null, after: 7 },
      ]),
    );

    const { summary } = await roundSummaryFor(roundId);
    expect(summary.blocks.map((b) => b.name)).toEqual(["Sở, ban, ngành", "Phường"]);
    const [dept, ward] = summary.blocks;
    const row = (b: typeof dept, i: number) => b!.results.find((r) => r.unitId === orgs[i]!.id)!;
    // Departments: 92 → 1, 88 → 2; 75 not ranked, after them, takes no place.
    expect(dept!.results.map((r) => [r.unitId, r.rank])).toEqual([
      [orgs[1]!.id, 1],
      [orgs[0]!.id, 2],
      [orgs[2]!.id, null],
    ]);
    expect(row(dept, 2).notRankedReason).toBe("Cơ quan Trung ương đóng trên địa bàn");
    expect(dept!.statistics.ranked).toBe(2);
    expect(dept!.statistics.averageIndexPct).toBeCloseTo(90, 9);
    // Previous ranks as published (orgs[0] was published 2nd though 91 > 90 would not say so).
    expect(row(dept, 0).previous!.rank).toBe(2);
    expect(row(dept, 0).rankChange).toBe(0);
    expect(row(dept, 1).previous!.rank).toBe(1);
    // Parts: appraisal = total − survey, survey of 30.
    expect(row(dept, 1).parts).toEqual([
      { source: "APPRAISAL", points: 65, maxPoints: 70 },
      { source: "SURVEY", points: 27, maxPoints: 30 },
    ]);
    // Wards: a tie at 85 shares rank 1; the merged ward compares with its two predecessors' average.
    expect(ward!.results.map((r) => r.rank)).toEqual([1, 1, 3]);
    const merged = row(ward, 5);
    expect(merged.previousBasis).toBe("mapped");
    expect(merged.previous!.indexPct).toBeCloseTo(65, 9);
    expect(merged.rankChange).toBeNull();
    expect(merged.predecessors.map((p) => p.rank).sort()).toEqual([4, 5]);
    expect(row(ward, 6).previousBasis).toBe("none");
    expect(row(ward, 6).rankChange).toBeNull();

    // Deleting a block leaves its units in the round without a block.
    expect(await deleteBlock(SYSTEM_ACTOR, roundId, phuong.id)).toEqual({ done: "Đã xóa khối “Phường”." });
    expect(await prisma.roundUnit.count({ where: { roundId, blockId: null } })).toBe(3);
    expect(await prisma.roundBlock.findMany({ where: { roundId }, select: { name: true, position: true } })).toEqual(
      expect.arrayContaining([
        { name: "Sở, ban, ngành", position: 0 },
        { name: "Xã và đặc khu", position: 1 },
      ]),
    );
  });

  it("a score file without the placement columns leaves blocks, ranked flags and predecessors as they are", async () => {
    const before = await snapshot();
    const loaded = (await loadRound(roundId))!;
    const file = `don_vi,diem,diem_toi_da,diem_dieu_tra\n"${orgs[0]!.name}",89,100,25\n`;
    expect(await importScores(SYSTEM_ACTOR, loaded, { name: "lai.csv", data: csv(file) })).toEqual({
      ok: true,
      units: 1,
      rows: 1,
    });
    const after = await snapshot();
    expect(after.blocks).toEqual(before.blocks);
    expect(after.units.map(({ summaryPoints: _s, ...u }) => u)).toEqual(
      before.units.map(({ summaryPoints: _s, ...u }) => u),
    );
    expect(after.audit).toBe(before.audit + 1);
  });
});

// The placement columns come with the import contract's parsers (helper "cli"); until they are in, the
// parser ignores them and these tests wait.
const table = await readTable({ fileName: "t.csv", data: csv("don_vi,diem,diem_toi_da,khoi\nA,1,2,Sở\n") });
const parsed = parseSummaryScores(table);
const contractReady = parsed.ok && parsed.scores[0]!.block === "Sở";

describe.runIf(contractReady)("score files with block, ranked, reason, rank and predecessor columns", () => {
  it("creates blocks in file order, sets flags, ranks and predecessors; a bad row imports nothing", async () => {
    const loaded = (await loadRound(roundId))!;
    const before = await snapshot();
    const bad = [
      "don_vi,diem,diem_toi_da,khoi,xep_hang,ly_do,hang,don_vi_truoc",
      `"${orgs[5]!.name}",85,100,Phường mới,có,,1,"${orgs[3]!.name}"`,
      `"${orgs[6]!.name}",85,100,Phường mới,có,,1,Không có đơn vị này`,
    ].join("\n");
    const failed = await importScores(SYSTEM_ACTOR, loaded, { name: "loi.csv", data: csv(bad) });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.errors.map((e) => e.message).join(" ")).toContain("Không có đơn vị này");
    expect(await snapshot()).toEqual(before);

    const good = [
      "don_vi,diem,diem_toi_da,khoi,xep_hang,ly_do,hang,don_vi_truoc",
      `"${orgs[5]!.name}",85,100,Phường mới,có,,1,"${orgs[3]!.name}"`,
      `"${orgs[6]!.name}",85,100,phường  MỚI,có,,1,`,
      `"${orgs[7]!.name}",70,100,Đặc khu,không,Chưa có bộ máy chính quyền,,`,
    ].join("\n");
    expect(await importScores(SYSTEM_ACTOR, loaded, { name: "khoi.csv", data: csv(good) })).toMatchObject({ ok: true });
    const blocks = await prisma.roundBlock.findMany({ where: { roundId }, orderBy: { position: "asc" } });
    expect(blocks.map((b) => b.name)).toEqual(["Sở, ban, ngành", "Xã và đặc khu", "Phường mới", "Đặc khu"]);
    const units = await prisma.roundUnit.findMany({
      where: { id: { in: [5, 6, 7].map((i) => ru.get(orgs[i]!.name)!) } },
      select: {
        organizationId: true,
        block: { select: { name: true } },
        ranked: true,
        notRankedReason: true,
        publishedRank: true,
        predecessors: { select: { previousRoundUnitId: true } },
      },
    });
    const by = (i: number) => units.find((u) => u.organizationId === orgs[i]!.id)!;
    expect(by(5)).toMatchObject({ block: { name: "Phường mới" }, ranked: true, publishedRank: 1 });
    expect(by(5).predecessors).toEqual([{ previousRoundUnitId: prevRu.get(orgs[3]!.name)! }]);
    expect(by(6)).toMatchObject({ block: { name: "Phường mới" }, publishedRank: 1, predecessors: [] });
    expect(by(7)).toMatchObject({
      block: { name: "Đặc khu" },
      ranked: false,
      notRankedReason: "Chưa có bộ máy chính quyền",
      publishedRank: null,
    });
  });
});

describe.runIf(contractReady)("detailed score files with placement columns", () => {
  it("takes a unit's block and flag from its rows; a unit in two blocks is a row error and nothing is imported", async () => {
    const previous = await prisma.assessmentRound.findFirstOrThrow({
      where: { year: 2023, units: { some: { organization: { name: { contains: "Tánh Linh" } } } } },
      select: {
        id: true,
        organizationId: true,
        frameworkId: true,
        units: { select: { organizationId: true }, take: 2, orderBy: { organization: { name: "asc" } } },
      },
    });
    const detailedId = await createRound(SYSTEM_ACTOR, {
      title: "Chỉ số CCHC năm 2024 (thử khối, điểm chi tiết)",
      year: 2024,
      organizationId: previous.organizationId,
      frameworkId: previous.frameworkId,
      previousRoundId: previous.id,
      unitIds: previous.units.map((u) => u.organizationId),
    });
    const loaded = (await loadRound(detailedId))!;
    const [a, b] = loaded.units;
    const leaf = loaded.compiled!.nodes.find((_, i) => loaded.compiled!.isLeaf[i])!;
    const rows = (blockOfB2: string) =>
      [
        "don_vi,ma,diem,khoi,xep_hang,ly_do",
        `"${a!.name}",${leaf.code},${leaf.maxPoints},Huyện,có,`,
        `"${b!.name}",${leaf.code},0,Thị xã,không,Sáp nhập giữa năm`,
        `"${b!.name}",${loaded.compiled!.nodes.find((n, i) => loaded.compiled!.isLeaf[i] && n !== leaf)!.code},0,${blockOfB2},không,Sáp nhập giữa năm`,
      ].join("\n");
    const failed = await importScores(SYSTEM_ACTOR, loaded, { name: "loi.csv", data: csv(rows("Huyện")) });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.errors.map((e) => e.message).join(" ")).toContain("thuộc hai khối");
    expect(await prisma.roundBlock.count({ where: { roundId: detailedId } })).toBe(0);
    expect(await prisma.nodeScore.count({ where: { roundUnit: { roundId: detailedId } } })).toBe(0);

    expect(await importScores(SYSTEM_ACTOR, loaded, { name: "khoi.csv", data: csv(rows("thị  XÃ")) })).toMatchObject({
      ok: true,
      units: 2,
    });
    const { summary } = await roundSummaryFor(detailedId);
    expect(summary.blocks.map((x) => [x.name, x.results.map((r) => [r.unitName, r.rank, r.notRankedReason])])).toEqual([
      ["Huyện", [[a!.name, 1, null]]],
      ["Thị xã", [[b!.name, null, "Sáp nhập giữa năm"]]],
    ]);
  });
});
