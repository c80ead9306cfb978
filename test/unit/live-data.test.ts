// The live attendance figures a nation-wide conference's page shows: every bridge point up to
// LIVE_BRIDGE_LINES, else those with the most attendees not yet recorded, in the summary's order.
import { describe, expect, it } from "vitest";
import {
  emptyCounts,
  liveData,
  LIVE_BRIDGE_LINES,
  type AttendanceSummary,
  type SummaryLine,
} from "#app/attendance/summary.ts";

const line = (i: number, notRecorded: number): SummaryLine => ({
  id: `b${i}`,
  label: `Điểm cầu ${i}`,
  counts: { ...emptyCounts(), invited: notRecorded + 1, notRecorded },
});

const summary = (byBridge: SummaryLine[]): AttendanceSummary => ({
  total: { ...emptyCounts(), invited: 999 },
  byGroup: [line(-1, 5)],
  byBridge,
});

describe("liveData", () => {
  it("keeps every line of a province-wide conference", () => {
    const s = summary(Array.from({ length: LIVE_BRIDGE_LINES }, (_, i) => line(i, i % 3)));
    const live = liveData(s, "08 giờ 05", 1);
    expect(live).toEqual({ summary: s, bridgeLines: LIVE_BRIDGE_LINES, asOf: "08 giờ 05", at: 1 });
  });

  it("keeps the lines furthest behind of a nation-wide one, in order, and every total", () => {
    const lines = Array.from({ length: 3_300 }, (_, i) => line(i, i % 97 === 0 ? 100 + (i % 5) : i % 7));
    const live = liveData(summary(lines), "08 giờ 05", 2);
    expect(live.bridgeLines).toBe(3_300);
    expect(live.summary.byBridge).toHaveLength(LIVE_BRIDGE_LINES);
    expect(live.summary.total.invited).toBe(999);
    expect(live.summary.byGroup).toEqual([line(-1, 5)]);
    // 35 lines have 100+ not recorded; the other 15 are the first lines with 6.
    const behind = lines.filter((l) => l.counts.notRecorded >= 100);
    const sixes = lines.filter((l) => l.counts.notRecorded === 6).slice(0, LIVE_BRIDGE_LINES - behind.length);
    const kept = new Set([...behind, ...sixes]);
    expect(live.summary.byBridge).toEqual(lines.filter((l) => kept.has(l)));
  });
});
