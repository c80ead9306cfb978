import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { planFormSchema } from "#app/plans/plan-form.ts";
import { planFormToData } from "#app/plans/plan-form-data.ts";

function form(values: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return parseWithZod(fd, { schema: planFormSchema });
}

const valid = {
  kind: "CONFERENCE",
  organizationId: "org1",
  title: "Tổ chức Hội nghị công bố Chỉ số CCHC năm 2025",
  documentSymbol: "KH-UBND",
  issuePlace: "Tam Đường",
  issueMonth: "5",
  issueYear: "2024",
  format: "IN_PERSON",
  scheduleKind: "TENTATIVE",
  tentativeMonth: "6",
  tentativeYear: "2024",
  scheduleNote: "Thời gian cụ thể sẽ có thông báo sau",
  "attendeeGroups[0].heading": "Cấp xã",
  "attendeeGroups[0].lines[0].text": "Chủ tịch UBND các xã, thị trấn;",
  "tasks[0].assignee": "Phòng Nội vụ",
  "tasks[0].duties": "- Chuẩn bị tài liệu.\n- Tham mưu khen thưởng.",
  "tasks[0].dueDate": "2024-06-10",
  recipients: "- UBND các xã, thị trấn;\nLưu: VT.",
  signAuthority: "TM. ỦY BAN NHÂN DÂN",
  signerTitle: "CHỦ TỊCH",
  signerName: "Sùng Lữ Páo",
};

describe("plan form schema", () => {
  it("accepts a plan with a blank number and day and maps it to rows", () => {
    const s = form(valid);
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    const data = planFormToData(s.value);
    expect(data.documentNumber).toBeNull();
    expect(data.issueDay).toBeNull();
    expect(data.tentativeMonth).toBe(6);
    expect(data.startsAt).toBeNull();
    expect(data.recipients.map((r) => r.text)).toEqual(["UBND các xã, thị trấn;", "Lưu: VT."]);
    expect(data.tasks[0]!.dueDate?.toISOString()).toBe("2024-06-09T17:00:00.000Z");
    expect(data.attendeeGroups[0]!.lines[0]!.organizationId).toBeNull();
  });

  it("reports every bad field at once, in Vietnamese", () => {
    const s = form({
      ...valid,
      title: "",
      issueDay: "30",
      issueMonth: "2",
      documentSymbol: "kh ubnd",
      scheduleKind: "EXACT",
      startsAt: "2024-06-14T10:00",
      endsAt: "2024-06-14T08:00",
      recipients: "UBND các xã",
      "tasks[0].dueDate": "2024-13-45",
    });
    expect(s.status).toBe("error");
    const errors = s.reply().error!;
    expect(errors.title).toEqual(["Nhập tên (trích yếu) của kế hoạch"]);
    expect(errors.issueDay).toEqual(["Tháng 2/2024 không có ngày 30"]);
    expect(errors.documentSymbol?.[0]).toMatch(/^Ký hiệu chỉ gồm chữ in hoa/);
    expect(errors.endsAt).toEqual(["Thời gian kết thúc phải sau thời gian bắt đầu"]);
    expect(errors.recipients).toEqual(["Dòng cuối của nơi nhận phải là “Lưu: VT…”"]);
    expect(errors["tasks[0].dueDate"]).toEqual(["Hạn hoàn thành không phải là ngày hợp lệ"]);
  });

  it("requires at least one attendee line for a conference but not for a remediation plan", () => {
    const noLines = { ...valid, "attendeeGroups[0].lines[0].text": "" };
    delete (noLines as Record<string, string>)["attendeeGroups[0].lines[0].text"];
    expect(form(noLines).reply().error?.attendeeGroups).toEqual([
      "Kế hoạch hội nghị cần ít nhất một dòng thành phần tham dự",
    ]);
    expect(form({ ...noLines, kind: "REMEDIATION" }).status).toBe("success");
  });

  it("rejects numbers out of range and non-numbers with the field's name", () => {
    const errors = form({ ...valid, issueYear: "năm nay", tentativeMonth: "13" }).reply().error!;
    expect(errors.issueYear).toEqual(["Nhập năm ban hành (ví dụ 2024)"]);
    expect(errors.tentativeMonth).toEqual(["Tháng dự kiến phải từ 1 đến 12"]);
  });
});
