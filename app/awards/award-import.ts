import { fromLocalDateValue } from "#app/lib/vietnamese-date.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { headerKey } from "#app/lib/table/columns.ts";
import type { ImportError, Table } from "#app/lib/table/table.ts";
import { awardSchema, type AwardValues } from "#app/awards/award-form.ts";

// Reading an award list from a spreadsheet (server side: the table reader pulls in exceljs).

const COLUMNS = {
  kind: ["loai", "tap the/ca nhan", "doi tuong"],
  recipientName: ["ten", "ho ten", "ten tap the, ca nhan", "tap the, ca nhan", "nguoi nhan"],
  organizationName: ["co quan", "don vi", "co quan, don vi"],
  achievement: ["thanh tich"],
  form: ["hinh thuc", "hinh thuc khen thuong"],
  decisionNumber: ["so quyet dinh", "quyet dinh"],
  decisionDate: ["ngay quyet dinh"],
} as const;
type Column = keyof typeof COLUMNS;

/** "dd/mm/yyyy" or "yyyy-mm-dd" → "yyyy-mm-dd"; "" when blank; null when not a date. */
function isoDate(text: string): string | null {
  if (!text) return "";
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}` : text;
  return fromLocalDateValue(iso) ? iso : null;
}

/** An award list from a spreadsheet; every bad row is reported and nothing is returned while any is bad. */
export function parseAwards(table: Table): { ok: true; awards: AwardValues[] } | { ok: false; errors: ImportError[] } {
  const index: Partial<Record<Column, number>> = {};
  table.headers.forEach((h, i) => {
    const key = headerKey(h);
    for (const [col, names] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>)
      if (names.includes(key) && index[col] === undefined) index[col] = i;
  });
  const errors: ImportError[] = [];
  if (index.recipientName === undefined)
    errors.push({ row: table.headerRow, column: "", message: "Thiếu cột “Tên tập thể, cá nhân”" });
  if (index.form === undefined)
    errors.push({ row: table.headerRow, column: "", message: "Thiếu cột “Hình thức khen thưởng”" });
  if (errors.length) return { ok: false, errors };
  const cell = (cells: string[], c: Column) => (index[c] === undefined ? "" : (cells[index[c]!] ?? ""));
  const header = (c: Column) => (index[c] === undefined ? "" : table.headers[index[c]!]!);
  const awards: AwardValues[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const kindText = foldVietnamese(cell(cells, "kind"));
    const kind = !kindText
      ? "INDIVIDUAL"
      : kindText.startsWith("tap the")
        ? "COLLECTIVE"
        : kindText.startsWith("ca nhan")
          ? "INDIVIDUAL"
          : null;
    if (!kind)
      errors.push({
        row: rowNumber,
        column: header("kind"),
        message: `“${cell(cells, "kind")}” không phải “Tập thể” hay “Cá nhân”`,
      });
    const date = isoDate(cell(cells, "decisionDate"));
    if (date === null)
      errors.push({
        row: rowNumber,
        column: header("decisionDate"),
        message: `Ngày quyết định “${cell(cells, "decisionDate")}” không hợp lệ (dd/mm/yyyy)`,
      });
    const parsed = awardSchema.safeParse({
      recipientKind: kind ?? "INDIVIDUAL",
      recipientName: cell(cells, "recipientName"),
      organizationName: cell(cells, "organizationName"),
      achievement: cell(cells, "achievement"),
      form: cell(cells, "form"),
      decisionNumber: cell(cells, "decisionNumber"),
      decisionDate: date || undefined,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({
          row: rowNumber,
          column: header((issue.path[0] as Column) ?? "recipientName"),
          message: issue.message,
        });
    } else awards.push(parsed.data);
  }
  return errors.length ? { ok: false, errors } : { ok: true, awards };
}
