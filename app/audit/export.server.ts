// The .xlsx download of an audit page: the same scope and filters as the page, every matching row.

import { asciiFileName, XLSX_TYPE } from "#app/lib/file-names.ts";
import { formatDateAtTime } from "#app/lib/vietnamese-date.ts";
import { auditWorkbook } from "#app/audit/audit-xlsx.ts";
import type { AuditFilters } from "#app/audit/filters.ts";
import { ACTOR_KIND_LABEL, actionLabel, entityLabel } from "#app/audit/labels.ts";
import { auditExportRows, type AuditScope } from "#app/audit/query.server.ts";

/** The filters in words, for the file's second line. */
export function describeFilters(f: AuditFilters): string {
  const parts = [
    f.from ? `từ ngày ${f.from.split("-").reverse().join("/")}` : null,
    f.to ? `đến ngày ${f.to.split("-").reverse().join("/")}` : null,
    f.actor ? `người thực hiện có “${f.actor}”` : null,
    f.kind ? `loại người thực hiện: ${ACTOR_KIND_LABEL[f.kind]}` : null,
    f.entity ? `loại bản ghi: ${entityLabel(f.entity)}` : null,
    f.action ? `thao tác: ${actionLabel(f.action)}` : null,
    f.q ? `có “${f.q}”` : null,
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : "không lọc";
}

export async function auditExportResponse(
  scope: AuditScope,
  filters: AuditFilters,
  subject: string,
): Promise<Response> {
  const { rows, truncated } = await auditExportRows(scope, filters);
  const body = await auditWorkbook({
    title: `Nhật ký thay đổi · ${subject}`,
    note: `Xuất ${formatDateAtTime(new Date())}; ${rows.length.toLocaleString("vi-VN")} dòng; bộ lọc: ${describeFilters(filters)}`,
    rows,
    truncated,
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="nhat-ky-${asciiFileName(subject)}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
