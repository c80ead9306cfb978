// Vietnam's days off (Labour Code 2019, Art. 112) as the government announces them each year: New Year
// (1/1), Tết (five days, lunar calendar), the Hùng Kings' day (10/3 lunar), 30/4, 1/5, 2/9 with one
// adjacent day, and the compensatory days (nghỉ bù) and swapped Saturdays (làm bù) of that year.
// Lunar dates are listed, never computed. A year missing here falls back to weekends and the fixed solar
// holidays, and says so (`complete: false`).

export interface HolidayYear {
  year: number;
  /** Weekdays off, "YYYY-MM-DD". */
  daysOff: string[];
  /** Saturdays or Sundays worked in exchange for a day off. */
  workingWeekends: string[];
  source: string;
}

export const VN_HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2024,
    // Tết Giáp Thìn 08–14/02; Giỗ Tổ 18/4; 30/4–1/5 with Monday 29/4 off for Saturday 04/5; 2–3/9.
    daysOff: [
      "2024-01-01",
      "2024-02-08",
      "2024-02-09",
      "2024-02-12",
      "2024-02-13",
      "2024-02-14",
      "2024-04-18",
      "2024-04-29",
      "2024-04-30",
      "2024-05-01",
      "2024-09-02",
      "2024-09-03",
    ],
    workingWeekends: ["2024-05-04"],
    source: "Thông báo số 6150/TB-LĐTBXH và 1400/TB-LĐTBXH của Bộ Lao động - Thương binh và Xã hội",
  },
  {
    year: 2025,
    // Tết Ất Tỵ 25/01–02/02; Giỗ Tổ 07/4; 30/4–1/5 and Friday 02/5 off for Saturday 26/4; 1–2/9.
    daysOff: [
      "2025-01-01",
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-04-07",
      "2025-04-30",
      "2025-05-01",
      "2025-05-02",
      "2025-09-01",
      "2025-09-02",
    ],
    workingWeekends: ["2025-04-26"],
    source: "Thông báo số 5984/TB-LĐTBXH của Bộ Lao động - Thương binh và Xã hội",
  },
  {
    year: 2026,
    // Tết Bính Ngọ 14–22/02; Giỗ Tổ falls on Sunday 26/4, so Monday 27/4 is off; 30/4–1/5; 1–2/9.
    daysOff: [
      "2026-01-01",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-04-27",
      "2026-04-30",
      "2026-05-01",
      "2026-09-01",
      "2026-09-02",
    ],
    workingWeekends: [],
    source:
      "Thông báo của Bộ Nội vụ về lịch nghỉ Tết Âm lịch, ngày Giỗ Tổ Hùng Vương, 30/4, 1/5 và Quốc khánh năm 2026",
  },
];

/** The holidays fixed in the solar calendar, for a year that is not listed. */
export const FIXED_SOLAR_HOLIDAYS = ["01-01", "04-30", "05-01", "09-02"] as const;
