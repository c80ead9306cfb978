import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { loadRound, roundSummaryFor } from "#app/scoring/rounds.server.ts";
import { importScores } from "#app/scoring/score-import.server.ts";
import { roundFor } from "#app/auth/guard.server.ts";
import { currentUserByEmail } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";

describe("assessment rounds from the database", () => {
  it("seed 003 holds through persistence: Tánh Linh 71.11/97, Khá, 5th of 10, up 3 places, class unchanged", async () => {
    const round = await prisma.assessmentRound.findFirstOrThrow({
      where: { year: 2023, units: { some: { organization: { name: { contains: "Tánh Linh" } } } } },
      select: { id: true },
    });
    const { summary } = await roundSummaryFor(round.id);
    const tanhLinh = summary.ranking.find((r) => r.unitName.includes("Tánh Linh"))!;
    expect(summary.ranking).toHaveLength(10);
    expect(tanhLinh.points).toBeCloseTo(71.11, 9);
    expect(tanhLinh.maxPoints).toBe(97);
    expect(tanhLinh.indexPct.toFixed(2)).toBe("73.31");
    expect(tanhLinh.className).toBe("Khá");
    expect(tanhLinh.rank).toBe(5);
    expect(tanhLinh.rankChange).toBe(3);
    expect(tanhLinh.classChange).toBe("same");
    const appendices = summary.appendices.get(tanhLinh.unitId)!;
    const lost = appendices.lostPoints.reduce((s, i) => s + i.pointsLost, 0);
    expect(lost).toBeCloseTo(97 - 71.11, 9);
    expect(summary.areas.get(tanhLinh.unitId)!.reduce((s, a) => s + a.maxPoints, 0)).toBe(97);
    expect(summary.sipas.length).toBe(10);
  });

  it("hides a draft round from an assessed commune but shows it to the district's Nội vụ", async () => {
    const draft = await prisma.assessmentRound.findFirstOrThrow({
      where: { status: "DRAFT", units: { some: {} } },
      select: { id: true, units: { select: { organizationId: true }, take: 1 } },
    });
    const communeUser = await prisma.user.create({
      data: {
        email: "xa.thu@hoinghi.local",
        name: "Người dùng xã",
        organizationId: draft.units[0]!.organizationId,
        roles: { create: [{ role: "VIEWER" }] },
      },
      select: { email: true },
    });
    const viewer = (await currentUserByEmail(communeUser.email))!;
    const thrown = await roundFor(viewer, draft.id, "scoring.view").catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(404);
  });

  it("imports nothing when a row is bad, and replaces only the units in the file when all rows are good", async () => {
    const round = await prisma.assessmentRound.findFirstOrThrow({ where: { shape: "SUMMARY" }, select: { id: true } });
    const loaded = (await loadRound(round.id))!;
    const [a, b] = loaded.units;
    const before = await prisma.roundUnit.findMany({
      where: { roundId: round.id },
      select: { id: true, summaryPoints: true },
      orderBy: { id: "asc" },
    });
    const bad = `don_vi,diem,diem_toi_da\n"${a!.name}",88,100\n"${b!.name}",abc,100\n`;
    const failed = await importScores(SYSTEM_ACTOR, loaded, { name: "diem.csv", data: new TextEncoder().encode(bad) });
    expect(failed.ok).toBe(false);
    expect(
      await prisma.roundUnit.findMany({
        where: { roundId: round.id },
        select: { id: true, summaryPoints: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual(before);
    const good = `don_vi,diem,diem_toi_da\n"${a!.name}",88,100\n`;
    expect(
      await importScores(SYSTEM_ACTOR, loaded, { name: "diem.csv", data: new TextEncoder().encode(good) }),
    ).toEqual({ ok: true, units: 1, rows: 1 });
    const after = await prisma.roundUnit.findMany({
      where: { roundId: round.id },
      select: { id: true, summaryPoints: true },
      orderBy: { id: "asc" },
    });
    expect(after.find((u) => u.id === a!.roundUnitId)!.summaryPoints).toBe(88);
    expect(after.filter((u) => u.id !== a!.roundUnitId)).toEqual(before.filter((u) => u.id !== a!.roundUnitId));
  });
});
