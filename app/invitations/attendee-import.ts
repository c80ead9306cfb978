import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { headerKey } from "#app/lib/table/columns.ts";
import type { ImportError, Table } from "#app/lib/table/table.ts";
import { attendeeSchema, emailSchema, type AttendeeValues } from "#app/invitations/attendee-form.ts";

// Reading an attendee list (xlsx/csv) with the same table reader as scores.

const COLUMNS = {
  name: ["ho ten", "ho va ten", "name", "dai bieu"],
  position: ["chuc vu", "position"],
  organizationName: ["co quan", "don vi", "organization", "co quan don vi"],
  group: ["nhom", "thanh phan", "group", "nhom thanh phan"],
  email: ["email", "thu dien tu", "e mail"],
  phone: ["dien thoai", "so dien thoai", "phone"],
  bridge: ["diem cau", "bridge", "noi du"],
} as const;

type Column = keyof typeof COLUMNS;

export interface AttendeeImportContext {
  /** The plan's attendee groups: id and the names a file may use (heading, or its lines). */
  groups: Array<{ id: string; names: string[] }>;
  bridgePoints: Array<{ id: string; name: string }>;
  /** E-mails of the file already in the conference (at least those; see importEmails). */
  existingEmails: Set<string>;
}

export type AttendeeImport = { ok: true; attendees: AttendeeValues[] } | { ok: false; errors: ImportError[] };

/** Which cell of a row holds which column, found from the headers. */
function columnIndex(table: Table): Partial<Record<Column, number>> {
  const index: Partial<Record<Column, number>> = {};
  table.headers.forEach((h, i) => {
    const key = headerKey(h);
    for (const [col, names] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>) {
      if (names.includes(key) && index[col] === undefined) index[col] = i;
    }
  });
  return index;
}

/** The valid e-mails of a file, as an attendee would be stored with them: what to look up among the invited. */
export function importEmails(table: Table): string[] {
  const at = columnIndex(table).email;
  if (at === undefined) return [];
  return table.rows.flatMap(({ cells }) => {
    const email = emailSchema.safeParse(cells[at] ?? "");
    return email.success ? [email.data] : [];
  });
}

export function parseAttendees(table: Table, ctx: AttendeeImportContext): AttendeeImport {
  const errors: ImportError[] = [];
  const index = columnIndex(table);
  for (const required of ["name", "email"] as const) {
    if (index[required] === undefined) {
      errors.push({
        row: table.headerRow,
        column: "",
        message: `Thiếu cột ${required === "name" ? "“Họ tên”" : "“Email”"}`,
      });
    }
  }
  if (errors.length) return { ok: false, errors };

  const groupByName = new Map<string, string>();
  for (const g of ctx.groups) for (const n of g.names) if (n.trim()) groupByName.set(foldVietnamese(n), g.id);
  const bridgeByName = new Map(ctx.bridgePoints.map((b) => [foldVietnamese(b.name), b.id]));
  const seen = new Map<string, number>();
  const attendees: AttendeeValues[] = [];
  const cell = (cells: string[], col: Column) => (index[col] === undefined ? "" : (cells[index[col]!] ?? ""));
  const header = (col: Column) => (index[col] === undefined ? "" : table.headers[index[col]!]!);

  for (const { rowNumber, cells } of table.rows) {
    const groupText = cell(cells, "group");
    const bridgeText = cell(cells, "bridge");
    const groupId = groupText ? groupByName.get(foldVietnamese(groupText)) : undefined;
    const bridgePointId = bridgeText ? bridgeByName.get(foldVietnamese(bridgeText)) : undefined;
    if (groupText && !groupId)
      errors.push({
        row: rowNumber,
        column: header("group"),
        message: `Nhóm thành phần “${groupText}” không có trong kế hoạch`,
      });
    if (bridgeText && !bridgePointId)
      errors.push({
        row: rowNumber,
        column: header("bridge"),
        message: `Điểm cầu “${bridgeText}” không có trong hội nghị`,
      });
    const parsed = attendeeSchema.safeParse({
      name: cell(cells, "name"),
      position: cell(cells, "position"),
      organizationName: cell(cells, "organizationName"),
      email: cell(cells, "email"),
      phone: cell(cells, "phone"),
      groupId,
      bridgePointId,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const col =
          issue.path[0] === "email"
            ? "email"
            : issue.path[0] === "phone"
              ? "phone"
              : issue.path[0] === "name"
                ? "name"
                : "position";
        errors.push({ row: rowNumber, column: header(col as Column), message: issue.message });
      }
      continue;
    }
    const email = parsed.data.email;
    const earlier = seen.get(email);
    if (earlier !== undefined)
      errors.push({
        row: rowNumber,
        column: header("email"),
        message: `Thư điện tử ${email} trùng với dòng ${earlier}`,
      });
    else if (ctx.existingEmails.has(email))
      errors.push({
        row: rowNumber,
        column: header("email"),
        message: `Thư điện tử ${email} đã có trong danh sách đại biểu`,
      });
    seen.set(email, earlier ?? rowNumber);
    attendees.push(parsed.data);
  }
  if (!table.rows.length) errors.push({ row: table.headerRow, column: "", message: "Tệp không có dòng đại biểu nào" });
  return errors.length ? { ok: false, errors } : { ok: true, attendees };
}
