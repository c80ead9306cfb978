// Vietnamese labels of the criterion analysis, the one source for pages, packet, xlsx and CLI.
import type {
  ChangeStatus,
  MatchReason,
  RemediationOutcome,
  RemediationStatus,
  RemediationTally,
} from "#app/scoring/analysis/types.ts";
import { formatPoints } from "#app/scoring/format.ts";

export const CHANGE_STATUS_LABEL: Record<ChangeStatus, string> = {
  "kept-full": "Giữ điểm tối đa",
  "reached-full": "Đạt điểm tối đa",
  "newly-lost": "Mới bị trừ điểm",
  "still-losing": "Vẫn bị trừ điểm",
  new: "Tiêu chí mới",
  gone: "Không còn đánh giá",
  "not-applicable": "Không áp dụng",
};

export const REMEDIATION_STATUS_LABEL: Record<RemediationStatus, string> = {
  recovered: "Đã lấy lại đủ điểm",
  partly: "Lấy lại một phần",
  "not-recovered": "Chưa lấy lại điểm",
  "not-assessed": "Không còn đánh giá",
};

export const REMEDIATION_REASON_LABEL: Record<NonNullable<RemediationOutcome["reason"]>, string> = {
  "criterion-gone": "tiêu chí không còn trong bộ chỉ số năm sau",
  "not-applicable": "tiêu chí không áp dụng với đơn vị năm sau",
  "unit-not-assessed": "đơn vị không được đánh giá năm sau",
  "unknown-code": "mã không có trong bộ chỉ số năm trước",
};

export const MATCH_REASON_LABEL: Record<MatchReason, string> = {
  "same-code-same-title": "Cùng mã, cùng tên",
  "same-code-similar-title": "Cùng mã, tên gần giống",
  "same-title": "Cùng tên, khác mã",
  "similar-title": "Tên gần giống, khác mã",
};

/** Which mapping an analysis used: same-framework (codes compare as they are), stored (confirmed), suggested. */
export type MappingSource = "same-framework" | "stored" | "suggested";

export const MAPPING_SOURCE_LABEL: Record<MappingSource, string> = {
  "same-framework": "Hai năm dùng cùng một bộ chỉ số: so sánh theo mã",
  stored: "Theo bảng ánh xạ mã Nội vụ đã xác nhận",
  suggested: "Theo bảng ánh xạ gợi ý tự động (cùng mã hoặc cùng tên), chưa được xác nhận",
};

/** "31/46 hành động đã lấy lại điểm (25 đủ điểm, 6 một phần)". */
export function remediationTallyText(t: RemediationTally): string {
  const back = t.recovered + t.partly;
  const parts = [`${t.recovered} đủ điểm`, `${t.partly} một phần`];
  const tail = t.notAssessed ? `; ${t.notAssessed} không còn đánh giá` : "";
  return `${back}/${t.total} hành động đã lấy lại điểm (${parts.join(", ")})${tail}`;
}

/** Hundredths of a point (the unit breakdown's integers) as points with a sign: "+1,25", "−0,5", "0". */
export function formatCentiPoints(c: number): string {
  const s = formatPoints(Math.abs(c) / 100);
  return c > 0 ? `+${s}` : c < 0 ? `−${s}` : "0";
}
