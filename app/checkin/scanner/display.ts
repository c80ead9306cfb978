// What the result panel says for each outcome. Pure: the same text is shown and read by screen readers.

import { METHOD_LABEL, type ScanResultKind } from "#app/checkin/types.ts";
import type { Outcome } from "#app/checkin/scanner/client.ts";
import { formatScanTime } from "#app/checkin/format.ts";

export interface Display {
  kind: ScanResultKind;
  offline: boolean;
  heading: string;
  name?: string;
  details: string[];
  note?: string;
}

export const HEADING = {
  accepted: "ĐÃ ĐIỂM DANH",
  acceptedOffline: "HỢP LỆ — CHỜ ĐỒNG BỘ",
  duplicate: "ĐÃ ĐIỂM DANH TRƯỚC ĐÓ",
  rejected: "KHÔNG HỢP LỆ",
} as const;

export function deviceLabel(id: string, me: { deviceId: string; deviceName: string }): string {
  if (!id) return "";
  if (id === me.deviceId) return me.deviceName ? `máy này (${me.deviceName})` : "máy này";
  const short = id.replace(/^scanner-/, "");
  return `máy ${short.length > 8 ? `${short.slice(0, 8)}…` : short}`;
}

export function describe(outcome: Outcome, me: { deviceId: string; deviceName: string }): Display {
  if (outcome.offline) {
    if (outcome.result === "accepted" && outcome.unchecked) {
      return {
        kind: "accepted",
        offline: true,
        heading: "ĐÃ LƯU — CHƯA KIỂM TRA CHỮ KÝ",
        details: ["Mã QR đúng định dạng của hội nghị; lượt quét đã lưu trên máy, máy chủ sẽ kiểm tra khi có mạng."],
        note: "Trình duyệt chỉ kiểm tra chữ ký khi trang được mở qua HTTPS (hoặc localhost).",
      };
    }
    if (outcome.result === "accepted") {
      return {
        kind: "accepted",
        offline: true,
        heading: HEADING.acceptedOffline,
        details: ["Mã QR đúng chữ ký của hội nghị; lượt quét đã lưu trên máy."],
        note: "Kiểm tra trên máy (ngoại tuyến); tên đại biểu sẽ có khi đồng bộ.",
      };
    }
    if (outcome.result === "duplicate") {
      const where = outcome.listName ? `tại ${outcome.listName}` : "";
      const device = deviceLabel(outcome.deviceId, me);
      return {
        kind: "duplicate",
        offline: true,
        heading: HEADING.duplicate,
        details: [`Lần đầu ${formatScanTime(outcome.at)}`, where, device ? `bởi ${device}` : ""].filter(Boolean),
        note: "Kiểm tra trên máy (ngoại tuyến).",
      };
    }
    return {
      kind: "rejected",
      offline: true,
      heading: HEADING.rejected,
      details: [outcome.message],
      note: "Kiểm tra trên máy (ngoại tuyến).",
    };
  }
  const r = outcome.response;
  if (r.result === "accepted") {
    const org = [r.attendee.organizationName, r.attendee.group].filter(Boolean).join(" · ");
    return {
      kind: "accepted",
      offline: false,
      heading: HEADING.accepted,
      name: r.attendee.name,
      details: [r.attendee.position, org].filter(Boolean),
      note: r.status === "ONLINE" ? "Dự trực tuyến tại điểm cầu" : "Có mặt trực tiếp",
    };
  }
  if (r.result === "duplicate") {
    const device = deviceLabel(r.first.deviceId, me);
    const how = r.first.method !== "SCAN" ? `cách điểm danh: ${METHOD_LABEL[r.first.method]}` : "";
    return {
      kind: "duplicate",
      offline: false,
      heading: HEADING.duplicate,
      name: r.attendee.name,
      details: [
        `Lần đầu ${formatScanTime(r.first.at)}`,
        r.first.list ? `tại ${r.first.list}` : "",
        device ? `bởi ${device}` : "",
        how,
      ].filter(Boolean),
    };
  }
  return { kind: "rejected", offline: false, heading: HEADING.rejected, name: r.attendee?.name, details: [r.message] };
}
