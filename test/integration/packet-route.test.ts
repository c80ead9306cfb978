import { describe, expect, it } from "vitest";
import { ensurePacket, packetInput, packetJob, readPacketPdf } from "#app/documents/packet-jobs.server.ts";
import { packetFingerprint, renderPacketXlsx } from "#app/documents/packet/packet.server.ts";
import { prisma } from "#app/database/db.server.ts";
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
