import { z } from "zod";
import { AGENDA_KINDS } from "#app/agenda/timing.ts";

const itemFields = {
  kind: z.enum(AGENDA_KINDS, { error: "Chọn loại nội dung" }),
  title: z
    .string({ error: "Nhập nội dung" })
    .transform((v) => v.replace(/[\r\n\t]+/g, " ").trim())
    .pipe(z.string().min(1, "Nhập nội dung").max(300, "Nội dung dài quá 300 ký tự")),
  presenter: z
    .string()
    .max(200, "Người trình bày dài quá 200 ký tự")
    .optional()
    .transform((v) => v?.trim() ?? ""),
  speechId: z.string().optional(),
  durationMinutes: z
    .number({ error: "Nhập thời lượng (phút)" })
    .int("Thời lượng là số phút nguyên")
    .min(1, "Thời lượng ít nhất 1 phút")
    .max(600, "Thời lượng tối đa 600 phút"),
};

export const agendaIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), ...itemFields }),
  z.object({ intent: z.literal("update"), itemId: z.string().min(1), ...itemFields }),
  z.object({ intent: z.literal("delete"), itemId: z.string().min(1) }),
  z.object({ intent: z.literal("move"), itemId: z.string().min(1), direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("reorder"), order: z.array(z.string().min(1)).min(1) }),
]);
