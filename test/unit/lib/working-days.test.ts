import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  conclusionDeadline,
  documentsDeadline,
  isWorkingDay,
  workingDaysLate,
} from "#app/lib/working-days.ts";

const at = (iso: string) => new Date(iso);

describe("working days", () => {
  it("skips weekends and Tết 2026 (Mon 16 – Fri 20 February off)", () => {
    expect(isWorkingDay("2026-02-13")).toBe(true);
    expect(isWorkingDay("2026-02-14")).toBe(false);
    expect(isWorkingDay("2026-02-18")).toBe(false);
    expect(addWorkingDays("2026-02-12", 3)).toBe("2026-02-24");
    expect(addWorkingDays("2026-02-23", -3)).toBe("2026-02-11");
  });

  it("skips 30/4–1/5 and counts the swapped Saturday of 2024 as a working day", () => {
    expect(isWorkingDay("2024-04-29")).toBe(false);
    expect(isWorkingDay("2024-05-04")).toBe(true);
    // Friday 26/4/2024 + 5 working days: 2, 3, 4 (Saturday worked), 6, 7 May.
    expect(addWorkingDays("2024-04-26", 5)).toBe("2024-05-07");
  });

  it("documents are due three working days before; the meeting day is not counted", () => {
    // A Friday meeting: due Tuesday.
    const d = documentsDeadline(at("2024-06-14T01:00:00Z"), at("2024-06-13T03:00:00Z"));
    expect(d).toEqual({ due: "2024-06-11", late: 2, complete: true });
    expect(documentsDeadline(at("2024-06-14T01:00:00Z"), at("2024-06-11T10:00:00Z")).late).toBe(0);
  });

  it("the conclusion is due five working days after, in Vietnam's time zone", () => {
    // Friday 14/6/2024 at 16:00 in Hà Nội is 09:00 UTC: due the next Friday.
    const d = conclusionDeadline(at("2024-06-14T09:00:00Z"), at("2024-06-24T02:00:00Z"));
    expect(d.due).toBe("2024-06-21");
    expect(d.late).toBe(1);
    expect(workingDaysLate("2024-06-21", "2024-06-21")).toBe(0);
  });

  it("an unlisted year skips weekends and solar holidays only, and says so", () => {
    expect(isWorkingDay("2030-04-30")).toBe(false);
    expect(isWorkingDay("2030-05-02")).toBe(true);
    expect(conclusionDeadline(at("2030-05-02T03:00:00Z"), at("2030-05-02T03:00:00Z")).complete).toBe(false);
  });
});
