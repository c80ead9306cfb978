import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatPlaceAndDate,
  fromLocalInputValue,
  toLocalInputValue,
} from "#app/lib/vietnamese-date.ts";

describe("Decree 30 dates", () => {
  it("pads days below 10 and the months 1 and 2 only", () => {
    expect(formatPlaceAndDate("Quảng Nam", 4, 1, 2024)).toBe("Quảng Nam, ngày 04 tháng 01 năm 2024");
    expect(formatPlaceAndDate("Cẩm Giàng", 29, 3, 2024)).toBe("Cẩm Giàng, ngày 29 tháng 3 năm 2024");
    expect(formatPlaceAndDate("Hà Nội", 9, 12, 2025)).toBe("Hà Nội, ngày 09 tháng 12 năm 2025");
  });
  it("keeps blanks where the plan has them", () => {
    expect(formatPlaceAndDate("Tam Đường", null, 5, 2024).replace(/\s+/g, " ")).toBe(
      "Tam Đường, ngày tháng 5 năm 2024",
    );
    expect(formatPlaceAndDate("Đông Hà", null, 2, 2024).replace(/\s+/g, " ")).toBe("Đông Hà, ngày tháng 02 năm 2024");
  });
  it("shows instants in Asia/Ho_Chi_Minh whatever the server's zone", () => {
    const utc = new Date("2024-01-03T17:30:00Z"); // 00:30 on 4 January in Vietnam
    expect(formatDate(utc)).toBe("ngày 04 tháng 01 năm 2024");
    expect(formatDateTime(utc)).toBe("00 giờ 30, ngày 04 tháng 01 năm 2024");
  });
  it("round-trips datetime-local values as Vietnam time", () => {
    const d = fromLocalInputValue("2026-07-09T08:00");
    expect(d?.toISOString()).toBe("2026-07-09T01:00:00.000Z");
    expect(toLocalInputValue(d)).toBe("2026-07-09T08:00");
    expect(fromLocalInputValue("not a date")).toBeNull();
  });
});
