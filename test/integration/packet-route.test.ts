import { describe, expect, it } from "vitest";
import { ensurePacket, packetInput, packetJob, readPacketPdf } from "#app/documents/packet-jobs.server.ts";
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
});
