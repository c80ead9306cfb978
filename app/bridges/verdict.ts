// The connectivity figures, the operator's checklist and the suggested verdict. Pure: used by the
// operator's page in the browser and by the server.

export const READINESS = ["UNTESTED", "PASSED", "FAILED"] as const;
export type Readiness = (typeof READINESS)[number];

export const READINESS_LABEL: Record<Readiness, string> = { UNTESTED: "Chưa kiểm tra", PASSED: "Đạt", FAILED: "Lỗi" };

export const CHECKLIST = [
  ["camera", "Camera hoạt động, khuôn hình rõ"],
  ["microphone", "Micro thu tiếng rõ, không vọng"],
  ["screen", "Màn hình, máy chiếu hiển thị tốt"],
  ["sound", "Âm thanh (loa) nghe rõ"],
  ["backupConnection", "Đường truyền dự phòng sẵn sàng"],
] as const;
export type ChecklistItem = (typeof CHECKLIST)[number][0];
export type Checklist = Record<ChecklistItem, boolean>;

/** Short names of checklist items, for lists of gaps. */
export const CHECKLIST_SHORT: Record<ChecklistItem, string> = {
  camera: "camera",
  microphone: "micro",
  screen: "màn hình, máy chiếu",
  sound: "âm thanh",
  backupConnection: "đường truyền dự phòng",
};

export interface Figures {
  latencyMs: number;
  jitterMs: number;
  lossPercent: number;
  downloadMbps: number;
  uploadMbps: number;
}

/** Below these a bridge point is suggested as failing. */
export const LIMITS = { latencyMs: 150, lossPercent: 5, downloadMbps: 2, uploadMbps: 1 } as const;

/** Mean of the round-trip times; null when none succeeded. */
export function mean(values: number[]): number | null {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

/** Jitter: mean absolute difference of consecutive round-trip times (0 with fewer than two). */
export function jitter(rtts: number[]): number {
  if (rtts.length < 2) return 0;
  let sum = 0;
  for (let i = 1; i < rtts.length; i++) sum += Math.abs(rtts[i]! - rtts[i - 1]!);
  return sum / (rtts.length - 1);
}

/** Megabits per second for `bytes` moved in `ms` milliseconds. */
export function mbps(bytes: number, ms: number): number {
  return ms > 0 ? (bytes * 8) / (ms / 1000) / 1_000_000 : 0;
}

/** Why the figures or the checklist suggest "lỗi"; empty = "đạt". */
export function problems(f: Partial<Figures> | null, checklist: Partial<Checklist>): string[] {
  const out: string[] = [];
  if (!f || f.latencyMs == null) out.push("Chưa đo đường truyền");
  else {
    if (f.latencyMs > LIMITS.latencyMs) out.push(`Độ trễ ${formatMs(f.latencyMs)} (trên ${LIMITS.latencyMs} ms)`);
    if ((f.lossPercent ?? 0) > LIMITS.lossPercent)
      out.push(`Mất gói ${formatPercent(f.lossPercent ?? 0)} (trên ${LIMITS.lossPercent} %)`);
    if ((f.downloadMbps ?? 0) < LIMITS.downloadMbps)
      out.push(`Tốc độ tải xuống ${formatMbps(f.downloadMbps ?? 0)} (dưới ${LIMITS.downloadMbps} Mbps)`);
    if ((f.uploadMbps ?? 0) < LIMITS.uploadMbps)
      out.push(`Tốc độ tải lên ${formatMbps(f.uploadMbps ?? 0)} (dưới ${LIMITS.uploadMbps} Mbps)`);
  }
  const missing = CHECKLIST.filter(([k]) => !checklist[k]).map(([k]) => CHECKLIST_SHORT[k]);
  if (missing.length) out.push(`Chưa đạt: ${missing.join(", ")}`);
  return out;
}

export function suggestedResult(f: Partial<Figures> | null, checklist: Partial<Checklist>): "PASSED" | "FAILED" {
  return problems(f, checklist).length ? "FAILED" : "PASSED";
}

/** Checklist items not ticked in a test. */
export function checklistGaps(t: Partial<Checklist>): string[] {
  return CHECKLIST.filter(([k]) => !t[k]).map(([k]) => CHECKLIST_SHORT[k]);
}

const nf = (digits: number) =>
  new Intl.NumberFormat("vi-VN", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
export function formatMs(v: number | null | undefined): string {
  return v == null ? "—" : `${nf(v < 10 ? 1 : 0).format(v)} ms`;
}
export function formatMbps(v: number | null | undefined): string {
  return v == null ? "—" : `${nf(v < 10 ? 1 : 0).format(v)} Mbps`;
}
export function formatPercent(v: number | null | undefined): string {
  return v == null ? "—" : `${nf(1).format(v)} %`;
}
