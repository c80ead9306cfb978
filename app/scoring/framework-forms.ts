import { z } from "zod";
import { validateBands } from "#app/scoring/framework.ts";
import { NODE_SOURCES } from "#app/scoring/types.ts";

// Forms of the framework editor: one schema per form, told apart by `intent`.

const points = z
  .number({ error: "Điểm tối đa phải là số (ví dụ 2,5)" })
  .positive("Điểm tối đa phải lớn hơn 0")
  .max(1000, "Điểm tối đa quá lớn");

export const updateNodeSchema = z.object({
  intent: z.literal("update-node"),
  nodeId: z.string().min(1),
  title: z
    .string({ error: "Nhập tên tiêu chí" })
    .trim()
    .min(1, "Nhập tên tiêu chí")
    .max(500, "Tên tiêu chí dài quá 500 ký tự"),
  maxPoints: points,
  source: z.enum(NODE_SOURCES, { error: "Chọn nguồn điểm" }),
});

export const addNodeSchema = z.object({
  intent: z.literal("add-node"),
  parentId: z.string().optional(),
  code: z
    .string({ error: "Nhập mã tiêu chí" })
    .trim()
    .regex(/^\d+(\.\d+)*$/, "Mã tiêu chí gồm các số cách nhau bằng dấu chấm, ví dụ 3.2.1"),
  title: z
    .string({ error: "Nhập tên tiêu chí" })
    .trim()
    .min(1, "Nhập tên tiêu chí")
    .max(500, "Tên tiêu chí dài quá 500 ký tự"),
  maxPoints: points,
  source: z.enum(NODE_SOURCES, { error: "Chọn nguồn điểm" }),
});

export const deleteNodeSchema = z.object({ intent: z.literal("delete-node"), nodeId: z.string().min(1) });

export const bandsSchema = z.object({
  intent: z.literal("update-bands"),
  bands: z
    .array(
      z.object({
        name: z.string({ error: "Nhập tên mức xếp loại" }).trim().min(1, "Nhập tên mức xếp loại").max(50),
        minPct: z.number({ error: "Ngưỡng phải là số" }).min(0, "Ngưỡng từ 0 đến 100").max(100, "Ngưỡng từ 0 đến 100"),
        // Blank: the total alone decides the class.
        minAreaPct: z
          .number({ error: "Mức tối thiểu mỗi lĩnh vực phải là số" })
          .min(0, "Mức tối thiểu mỗi lĩnh vực từ 0 đến 100")
          .max(100, "Mức tối thiểu mỗi lĩnh vực từ 0 đến 100")
          .optional(),
      }),
    )
    .min(1, "Cần ít nhất một mức xếp loại")
    // The framework's own rules (order, lowest at 0, floors not above their band): a floor's problem sits on
    // its field, the others on the list.
    .superRefine((bands, ctx) => {
      for (const message of validateBands(bands)) {
        const floorOf = bands.findIndex((b) => message.startsWith(`Mức tối thiểu mỗi lĩnh vực của “${b.name}”`));
        ctx.addIssue({ code: "custom", message, path: floorOf >= 0 ? [floorOf, "minAreaPct"] : [] });
      }
    }),
});

export const frameworkIntentSchema = z.discriminatedUnion("intent", [
  updateNodeSchema,
  addNodeSchema,
  deleteNodeSchema,
  bandsSchema,
]);

export const NODE_SOURCE_LABEL = { APPRAISAL: "Tự chấm, thẩm định", SURVEY: "Điều tra xã hội học" } as const;
