import { z } from "zod";
import type { CodeMapping, MappingProblem } from "#app/scoring/analysis/types.ts";

// Forms of the code mapping editor ("Ánh xạ mã tiêu chí"): one schema per form, told apart by `intent`,
// and the pure steps between the form's rows and the mapping's groups.

/** One row of the editor: a code of this year's framework and the previous code(s) typed against it. */
const mappingRow = z.object({
  current: z.string().trim().min(1),
  previous: z.string().trim().max(500, "Quá dài: nhập các mã năm trước, cách nhau bằng “;”").optional(),
});

export const saveMappingSchema = z.object({
  intent: z.literal("save"),
  rows: z.array(mappingRow, { error: "Chưa có dòng ánh xạ nào" }).min(1, "Chưa có dòng ánh xạ nào"),
});

export const resetMappingSchema = z.object({ intent: z.literal("reset") });

export const importMappingSchema = z.object({
  intent: z.literal("import"),
  file: z.instanceof(File, { message: "Chọn tệp ánh xạ (.csv hoặc .xlsx)" }).refine((f) => f.size > 0, {
    message: "Chọn tệp ánh xạ (.csv hoặc .xlsx)",
  }),
});

export const mappingIntentSchema = z.discriminatedUnion("intent", [
  saveMappingSchema,
  resetMappingSchema,
  importMappingSchema,
]);

export type MappingFormRow = z.infer<typeof mappingRow>;

/** "3.2.1; 3.2.2" or "3.2.1, 3.2.2" → ["3.2.1", "3.2.2"] (a trailing dot dropped, as in the file import). */
export function splitCellCodes(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(/[;,]/)
    .map((c) => c.trim().replace(/\.$/, ""))
    .filter(Boolean);
}

/**
 * The groups the rows make. Each row pairs one current code with its previous code(s); rows naming the
 * same previous code are one group (a criterion split in several: the connected components of the
 * rows through their previous codes). A row with no previous code is in no group. A code typed twice
 * in one cell is kept twice so that the check names it.
 */
export function groupsFromRows(rows: Array<{ current: string; previous?: string }>): CodeMapping {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const codes = rows.map((r) => splitCellCodes(r.previous));
  const rowOfCode = new Map<string, number>();
  codes.forEach((list, i) => {
    for (const code of list) {
      const other = rowOfCode.get(code);
      if (other === undefined) rowOfCode.set(code, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, { current: string[]; previous: string[] }>();
  rows.forEach((row, i) => {
    if (!codes[i]!.length) return;
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { current: [], previous: [] }));
    g.current.push(row.current.trim());
    for (const code of codes[i]!) if (rowOfCode.get(code) === i || !g.previous.includes(code)) g.previous.push(code);
  });
  return [...groups.values()];
}

/**
 * The problems of a refused mapping on the rows they are about: a current code on its own row, a
 * previous code on every row naming it; the field is `rows[i].previous`. Problems naming no row: `form`.
 */
export function problemsByField(
  rows: Array<{ current: string; previous?: string }>,
  problems: MappingProblem[],
): { fieldErrors: Record<string, string[]>; formErrors: string[] } {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const p of problems) {
    const at = rows.flatMap((r, i) =>
      (p.side === "current" ? r.current.trim() === p.code : splitCellCodes(r.previous).includes(p.code)) ? [i] : [],
    );
    if (!at.length) formErrors.push(p.message);
    for (const i of at) {
      const list = (fieldErrors[`rows[${i}].previous`] ??= []);
      if (!list.includes(p.message)) list.push(p.message);
    }
  }
  return { fieldErrors, formErrors };
}

/** Each current code's previous codes as the editor shows them ("3.2.1; 3.2.2"). */
export function cellsOfMapping(groups: CodeMapping): Map<string, string> {
  const cells = new Map<string, string>();
  for (const g of groups) for (const c of g.current) cells.set(c, g.previous.join("; "));
  return cells;
}

const csvCell = (s: string) => (/[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The mapping as a CSV the import reads back (columns ma, ma_nam_truoc; the titles beside them for
 * people), one row per group, UTF-8 with a byte order mark for Excel.
 */
export function mappingCsv(
  groups: CodeMapping,
  titles: { current: Map<string, string>; previous: Map<string, string> },
): string {
  const title = (codes: string[], by: Map<string, string>) => codes.map((c) => by.get(c) ?? "").join(" + ");
  const lines = [["ma", "ten_tieu_chi", "ma_nam_truoc", "ten_tieu_chi_nam_truoc"]];
  for (const g of groups)
    lines.push([
      g.current.join("; "),
      title(g.current, titles.current),
      g.previous.join("; "),
      title(g.previous, titles.previous),
    ]);
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
