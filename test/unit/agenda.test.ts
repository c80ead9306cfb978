import { describe, expect, it } from "vitest";
import { moveItem, overrunMinutes, timeAgenda } from "#app/agenda/timing.ts";
import { formatTime } from "#app/lib/vietnamese-date.ts";

const start = new Date("2024-01-18T08:00:00+07:00");
const items = [{ durationMinutes: 15 }, { durationMinutes: 30 }, { durationMinutes: 20 }];

describe("programme timing", () => {
  it("times each item from the end of the previous one, in Vietnam time", () => {
    expect(timeAgenda(start, items).map((t) => `${formatTime(t.startsAt)}–${formatTime(t.endsAt)}`)).toEqual([
      "08 giờ 00–08 giờ 15",
      "08 giờ 15–08 giờ 45",
      "08 giờ 45–09 giờ 05",
    ]);
  });
  it("says by how many minutes the programme runs past the planned end", () => {
    expect(overrunMinutes(start, new Date("2024-01-18T09:00:00+07:00"), items)).toBe(5);
    expect(overrunMinutes(start, new Date("2024-01-18T11:30:00+07:00"), items)).toBe(0);
  });
  it("moves an item and ignores moves off either end", () => {
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
  });
});
