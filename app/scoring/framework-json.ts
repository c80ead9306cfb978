// Frameworks (bộ chỉ số) as JSON: read with every problem reported in Vietnamese, with the path in the
// tree ("lĩnh vực 3 › tiêu chí 2: thiếu điểm tối đa"); a file is only accepted when it has no problem at
// all, including those found by validateFramework (maxima that do not add up, bands out of order…).
// The Excel workbook is framework-xlsx.server.ts (writer) and framework-xlsx-read.server.ts (reader).
import { z } from "zod";
import { validateFramework } from "#app/scoring/framework.ts";
import {
  NODE_SOURCES,
  type ClassBand,
  type Framework,
  type FrameworkNode,
  type NodeSource,
} from "#app/scoring/types.ts";

export type FrameworkParseResult = { ok: true; framework: Framework } | { ok: false; errors: string[] };

// ─── JSON ───────────────────────────────────────────────────────────────────

const missing = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `thiếu ${what}` : undefined;

const codeSchema = z
  .union([z.string(), z.number()], {
    error: (i) => (i.input === undefined ? "thiếu mã" : "mã phải là chuỗi ký tự, ví dụ “3.2.1”"),
  })
  .transform((v) => String(v).trim())
  .refine((v) => v.length > 0, { error: "mã không được để trống" });

interface FrameworkNodeInput {
  code: string | number;
  title: string;
  maxPoints: number;
  source?: NodeSource | undefined;
  children?: FrameworkNodeInput[] | undefined;
}

const nodeSchema: z.ZodType<FrameworkNode, FrameworkNodeInput> = z.object(
  {
    code: codeSchema,
    title: z
      .string({ error: (i) => missing("tên tiêu chí")(i) ?? "tên tiêu chí phải là chuỗi ký tự" })
      .trim()
      .min(1, { error: "tên tiêu chí không được để trống" }),
    maxPoints: z
      .number({ error: (i) => missing("điểm tối đa")(i) ?? "điểm tối đa phải là số" })
      .positive({ error: "điểm tối đa phải lớn hơn 0" }),
    source: z
      .enum(NODE_SOURCES, { error: "nguồn điểm phải là “APPRAISAL” (thẩm định) hoặc “SURVEY” (điều tra xã hội học)" })
      .default("APPRAISAL"),
    get children() {
      return z.array(nodeSchema, { error: "danh sách tiêu chí con (children) phải là một mảng" }).default([]);
    },
  },
  { error: (i) => (i.input === undefined ? "thiếu tiêu chí" : "mỗi tiêu chí phải là một đối tượng JSON") },
);

const bandSchema = z
  .object(
    {
      name: z
        .string({ error: (i) => missing("tên mức xếp loại")(i) ?? "tên mức xếp loại phải là chuỗi ký tự" })
        .trim()
        .min(1, { error: "tên mức xếp loại không được để trống" }),
      minPct: z
        .number({ error: (i) => missing("ngưỡng tối thiểu (%)")(i) ?? "ngưỡng tối thiểu (%) phải là số" })
        .min(0, { error: "ngưỡng tối thiểu không được nhỏ hơn 0%" })
        .max(100, { error: "ngưỡng tối thiểu không được lớn hơn 100%" }),
      // Floor on every area ("Xuất sắc: ≥ 90 % and every area ≥ 80 %"); absent or null: none.
      minAreaPct: z
        .number({ error: "mức tối thiểu mỗi lĩnh vực (minAreaPct) phải là số" })
        .min(0, { error: "mức tối thiểu mỗi lĩnh vực không được nhỏ hơn 0%" })
        .max(100, { error: "mức tối thiểu mỗi lĩnh vực không được lớn hơn 100%" })
        .nullish(),
    },
    { error: "mỗi mức xếp loại phải là một đối tượng JSON" },
  )
  .transform(({ minAreaPct, ...band }): ClassBand =>
    minAreaPct === null || minAreaPct === undefined ? band : { ...band, minAreaPct },
  );

export const frameworkJsonSchema = z.object(
  {
    name: z
      .string({ error: (i) => missing("tên bộ chỉ số (name)")(i) ?? "tên bộ chỉ số phải là chuỗi ký tự" })
      .trim()
      .min(1, { error: "tên bộ chỉ số không được để trống" }),
    year: z
      .number({ error: (i) => missing("năm áp dụng (year)")(i) ?? "năm áp dụng phải là số" })
      .int({ error: "năm áp dụng phải là số nguyên" })
      .min(1990, { error: "năm áp dụng không hợp lệ" })
      .max(2200, { error: "năm áp dụng không hợp lệ" }),
    unitLevel: z
      .string({
        error: (i) =>
          missing("cấp đơn vị được đánh giá (unitLevel)")(i) ?? "cấp đơn vị được đánh giá phải là chuỗi ký tự",
      })
      .trim()
      .min(1, { error: "cấp đơn vị được đánh giá không được để trống" }),
    bands: z
      .array(bandSchema, {
        error: (i) => missing("các mức xếp loại (bands)")(i) ?? "các mức xếp loại (bands) phải là một mảng",
      })
      .min(1, { error: "chưa khai báo mức xếp loại nào" }),
    areas: z
      .array(nodeSchema, {
        error: (i) => missing("danh sách lĩnh vực (areas)")(i) ?? "danh sách lĩnh vực (areas) phải là một mảng",
      })
      .min(1, { error: "bộ chỉ số chưa có lĩnh vực nào" }),
  },
  { error: "nội dung phải là một đối tượng JSON mô tả bộ chỉ số" },
);

const NODE_LEVELS = ["lĩnh vực", "tiêu chí", "tiêu chí thành phần"];
const levelName = (depth: number) => NODE_LEVELS[depth] ?? `tiêu chí cấp ${depth + 1}`;

/** "lĩnh vực 3 › tiêu chí 2" from ["areas", 2, "children", 1, "maxPoints"]; fields are named by the messages. */
function describePath(path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  let depth = -1;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if ((key === "areas" || key === "children") && typeof next === "number") {
      depth++;
      parts.push(`${levelName(depth)} ${next + 1}`);
      i++;
    } else if (key === "bands" && typeof next === "number") {
      parts.push(`mức xếp loại ${next + 1}`);
      i++;
    }
  }
  return parts.join(" › ");
}

function issueMessages(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = describePath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/** "Unexpected token } in JSON at position 42" → line and column, in Vietnamese. */
function jsonSyntaxMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    return `Tệp JSON không hợp lệ: lỗi cú pháp ở dòng ${line}, cột ${column}`;
  }
  if (/end of (JSON|data)/i.test(message))
    return "Tệp JSON không hợp lệ: nội dung bị cắt cụt (thiếu dấu đóng } hoặc ])";
  return "Tệp JSON không hợp lệ: lỗi cú pháp";
}

export function withProblems(framework: Framework): FrameworkParseResult {
  const problems = validateFramework(framework);
  if (problems.length) return { ok: false, errors: problems.map((p) => p.message) };
  return { ok: true, framework };
}

/** Reads a framework from JSON text: syntax, then shape, then the framework's own rules. */
export function parseFrameworkJson(text: string): FrameworkParseResult {
  const source = text.replace(/^\uFEFF/, "");
  if (!source.trim()) return { ok: false, errors: ["Tệp JSON rỗng"] };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return { ok: false, errors: [jsonSyntaxMessage(source, error)] };
  }
  const parsed = frameworkJsonSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: issueMessages(parsed.error) };
  return withProblems(parsed.data);
}

function nodeToPlain(node: FrameworkNode): unknown {
  return {
    code: node.code,
    title: node.title,
    maxPoints: node.maxPoints,
    source: node.source,
    children: node.children.map(nodeToPlain),
  };
}

/** Pretty JSON with a fixed key order, so that exports diff cleanly. */
export function frameworkToJson(framework: Framework): string {
  const plain = {
    name: framework.name,
    year: framework.year,
    unitLevel: framework.unitLevel,
    bands: framework.bands.map((b) =>
      b.minAreaPct === null || b.minAreaPct === undefined
        ? { name: b.name, minPct: b.minPct }
        : { name: b.name, minPct: b.minPct, minAreaPct: b.minAreaPct },
    ),
    areas: framework.areas.map(nodeToPlain),
  };
  return `${JSON.stringify(plain, null, 2)}\n`;
}
