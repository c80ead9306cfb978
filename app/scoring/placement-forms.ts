import { z } from "zod";

// Forms of the "Khối và đơn vị" page: one schema per form, told apart by `intent`.

const blockName = z
  .string({ error: "Nhập tên khối" })
  .trim()
  .min(1, "Nhập tên khối")
  .max(100, "Tên khối dài quá 100 ký tự");

export const addBlockSchema = z.object({ intent: z.literal("add-block"), name: blockName });

export const renameBlockSchema = z.object({
  intent: z.literal("rename-block"),
  blockId: z.string().min(1),
  name: blockName,
});

export const moveBlockSchema = z.object({
  intent: z.literal("move-block"),
  blockId: z.string().min(1),
  direction: z.enum(["up", "down"], { error: "Chọn lên hoặc xuống" }),
});

export const deleteBlockSchema = z.object({ intent: z.literal("delete-block"), blockId: z.string().min(1) });

/** One unit's row: its block, whether it is ranked (and why not), its predecessors, its published rank. */
export const unitPlacementSchema = z
  .object({
    intent: z.literal("unit"),
    roundUnitId: z.string().min(1),
    blockId: z.string().optional(),
    // A checkbox: present ("on") when ranked.
    ranked: z.string().optional(),
    notRankedReason: z.string().trim().max(500, "Lý do dài quá 500 ký tự").optional(),
    predecessorIds: z.array(z.string()).optional(),
    publishedRank: z
      .number({ error: "Hạng phải là số nguyên dương" })
      .int("Hạng phải là số nguyên dương")
      .positive("Hạng phải là số nguyên dương")
      .max(100000, "Hạng quá lớn")
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.ranked && !v.notRankedReason)
      ctx.addIssue({
        code: "custom",
        path: ["notRankedReason"],
        message: "Nhập lý do không xếp hạng",
      });
  });

export const placementIntentSchema = z.discriminatedUnion("intent", [
  addBlockSchema,
  renameBlockSchema,
  moveBlockSchema,
  deleteBlockSchema,
  unitPlacementSchema,
]);

export type UnitPlacementValues = z.infer<typeof unitPlacementSchema>;
