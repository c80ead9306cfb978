import { describe, expect, it } from "vitest";
import { workingDaysBetween } from "#app/invitations/attendee-form.ts";
import { parseAttendees } from "#app/invitations/attendee-import.ts";
import { readTable } from "#app/lib/table/read.server.ts";

const ctx = {
  groups: [
    { id: "g1", names: ["Cấp tỉnh"] },
    { id: "g2", names: ["Cấp huyện", "Chủ tịch UBND cấp huyện"] },
  ],
  bridgePoints: [{ id: "b1", name: "Điểm cầu UBND huyện Duy Xuyên" }],
  existingEmails: new Set(["daco@quangnam.hoinghi.local"]),
};

const csv = (text: string) => readTable({ fileName: "dai-bieu.csv", data: new TextEncoder().encode(text) });

describe("attendee import", () => {
  it("reads Vietnamese headers, groups by heading or role line, bridge points by name", async () => {
    const result = parseAttendees(
      await csv(
        "Họ tên,Chức vụ,Cơ quan,Nhóm,Email,Điện thoại,Điểm cầu\n" +
          "Nguyễn Văn A,Chủ tịch,UBND huyện Duy Xuyên,chủ tịch ubnd cấp huyện,A@Example.org,0235 123 456,Điểm cầu UBND huyện Duy Xuyên\n" +
          "Trần Thị B,Giám đốc,Sở Nội vụ,Cấp tỉnh,b@example.org,,\n",
      ),
      ctx,
    );
    expect(result).toEqual({
      ok: true,
      attendees: [
        {
          name: "Nguyễn Văn A",
          position: "Chủ tịch",
          organizationName: "UBND huyện Duy Xuyên",
          groupId: "g2",
          email: "a@example.org",
          phone: "0235 123 456",
          bridgePointId: "b1",
        },
        {
          name: "Trần Thị B",
          position: "Giám đốc",
          organizationName: "Sở Nội vụ",
          groupId: "g1",
          email: "b@example.org",
          phone: "",
          bridgePointId: undefined,
        },
      ],
    });
  });

  it("reports every bad row by row and column, in Vietnamese, and adds nobody", async () => {
    const result = parseAttendees(
      await csv(
        "ho_ten,email,nhom\n" +
          "Nguyễn Văn A,khong-phai-email,Cấp tỉnh\n" +
          "Trần Thị B,b@example.org,Cấp thôn\n" +
          "Lê Văn C,b@example.org,\n" +
          ",d@example.org,\n" +
          "Phạm Văn E,daco@quangnam.hoinghi.local,\n",
      ),
      ctx,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 2, column: "email", message: "Thư điện tử không hợp lệ" },
        { row: 3, column: "nhom", message: "Nhóm thành phần “Cấp thôn” không có trong kế hoạch" },
        { row: 4, column: "email", message: "Thư điện tử b@example.org trùng với dòng 3" },
        { row: 5, column: "ho_ten", message: "Nhập họ và tên" },
        { row: 6, column: "email", message: "Thư điện tử daco@quangnam.hoinghi.local đã có trong danh sách đại biểu" },
      ],
    });
  });

  it("needs the name and e-mail columns", async () => {
    expect(parseAttendees(await csv("chuc_vu,co_quan\nx,y\n"), ctx)).toEqual({
      ok: false,
      errors: [
        { row: 1, column: "", message: "Thiếu cột “Họ tên”" },
        { row: 1, column: "", message: "Thiếu cột “Email”" },
      ],
    });
  });
});

describe("working days before the meeting", () => {
  it("counts Monday to Friday in Vietnam time", () => {
    // Thursday 18:00 → the meeting on the next Tuesday 08:00: Fri, Mon, Tue = 3.
    expect(workingDaysBetween(new Date("2026-12-10T18:00:00+07:00"), new Date("2026-12-15T08:00:00+07:00"))).toBe(3);
    // Friday 23:30 Vietnam time is still Friday, although it is Friday 16:30 UTC.
    expect(workingDaysBetween(new Date("2026-12-11T23:30:00+07:00"), new Date("2026-12-14T08:00:00+07:00"))).toBe(1);
  });
});
