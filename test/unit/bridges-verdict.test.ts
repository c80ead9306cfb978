import { describe, expect, it } from "vitest";
import { nextSize } from "#app/bridges/connectivity-client.ts";
import { jitter, mbps, problems, suggestedResult } from "#app/bridges/verdict.ts";

const allTicked = { camera: true, microphone: true, screen: true, sound: true, backupConnection: true };
const good = { latencyMs: 28, jitterMs: 3, lossPercent: 0, downloadMbps: 45, uploadMbps: 20 };

describe("connectivity verdict", () => {
  it("measures jitter as the mean absolute difference of consecutive round trips, and throughput in Mbps", () => {
    expect(jitter([10, 14, 12, 20])).toBeCloseTo((4 + 2 + 8) / 3);
    expect(jitter([10])).toBe(0);
    expect(mbps(1_000_000, 1000)).toBe(8);
  });

  it("suggests đạt only within every limit and with the whole checklist", () => {
    expect(suggestedResult(good, allTicked)).toBe("PASSED");
    expect(problems({ ...good, latencyMs: 151 }, allTicked)).toEqual(["Độ trễ 151 ms (trên 150 ms)"]);
    expect(suggestedResult({ ...good, downloadMbps: 1.9 }, allTicked)).toBe("FAILED");
    expect(suggestedResult({ ...good, uploadMbps: 0.9 }, allTicked)).toBe("FAILED");
    expect(suggestedResult({ ...good, lossPercent: 5.5 }, allTicked)).toBe("FAILED");
    expect(problems(good, { ...allTicked, backupConnection: false })).toEqual(["Chưa đạt: đường truyền dự phòng"]);
    expect(problems(null, allTicked)).toEqual(["Chưa đo đường truyền"]);
  });

  it("sizes the next payload for about two seconds, never above 8 MB", () => {
    expect(nextSize(256 * 1024, 100)).toBe(Math.round(256 * 1024 * 16));
    expect(nextSize(1024 * 1024, 1000)).toBe(2 * 1024 * 1024);
    expect(nextSize(4 * 1024 * 1024, 10)).toBe(8 * 1024 * 1024);
  });
});
