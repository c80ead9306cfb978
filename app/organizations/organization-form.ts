import { z } from "zod";

export const organizationFormSchema = z.object({
  name: z
    .string({ error: "Nhập tên cơ quan, đơn vị" })
    .trim()
    .min(1, "Nhập tên cơ quan, đơn vị")
    .max(200, "Tên dài quá 200 ký tự"),
  documentName: z
    .string({ error: "Nhập tên ghi trên văn bản" })
    .trim()
    .min(1, "Nhập tên ghi trên văn bản")
    .max(200, "Tên trên văn bản dài quá 200 ký tự"),
  placeName: z.string({ error: "Nhập địa danh" }).trim().min(1, "Nhập địa danh").max(100, "Địa danh dài quá 100 ký tự"),
  levelId: z.string({ error: "Chọn cấp" }).min(1, "Chọn cấp"),
  parentId: z.string().optional(),
  code: z
    .string()
    .trim()
    .max(20, "Mã dài quá 20 ký tự")
    .regex(/^[0-9A-Za-z_-]*$/, "Mã chỉ gồm chữ, số, gạch ngang")
    .optional(),
  dissolvedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày giải thể không hợp lệ")
    .optional(),
});

export type OrganizationFormValues = z.infer<typeof organizationFormSchema>;

export interface TreeRow {
  id: string;
  name: string;
  parentId: string | null;
}

/** Orders organisations depth-first under their parents, with their depth for indentation. */
export function flattenTree<T extends TreeRow>(rows: T[], rootIds: string[]): Array<T & { depth: number }> {
  const children = new Map<string | null, T[]>();
  for (const r of rows) {
    const list = children.get(r.parentId) ?? [];
    list.push(r);
    children.set(r.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const out: Array<T & { depth: number }> = [];
  const visit = (row: T, depth: number) => {
    out.push({ ...row, depth });
    for (const child of children.get(row.id) ?? []) visit(child, depth + 1);
  };
  for (const id of rootIds) {
    const root = rows.find((r) => r.id === id);
    if (root) visit(root, 0);
  }
  return out;
}
