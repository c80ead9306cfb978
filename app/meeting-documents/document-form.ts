// The forms of the meeting documents page, one Zod schema per intent (Conform on both sides), and the
// Vietnamese refusals the domain adds. Plain TypeScript.
import { z } from "zod";
import { DOCUMENT_AUDIENCES, MEETING_PHASES } from "#app/conferences/vocabulary.ts";

export const NO_AUDIENCE = "Chưa chọn người nhận tài liệu.";
export const CLASSIFIED_NO_FILE = "Tài liệu mật không được gửi qua mạng; chỉ ghi tên tài liệu.";
export const FILE_REQUIRED = "Chọn tệp tài liệu (PDF, Word, Excel hoặc PowerPoint).";
export const NOTHING_TO_PUBLISH = "Không có tài liệu nào chờ công bố.";

const oneLine = (v: string) => v.replace(/[\r\n\t]+/g, " ").trim();

/** Checkboxes send one value, several, or none: always a list. */
const ids = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().min(1).max(40)).max(5000, "Chọn quá nhiều người nhận"),
);

export const createDocumentSchema = z.object({
  intent: z.literal("create"),
  title: z
    .string({ error: "Nhập tên tài liệu" })
    .transform(oneLine)
    .pipe(z.string().min(1, "Nhập tên tài liệu").max(300, "Tên tài liệu dài quá 300 ký tự")),
  note: z
    .string()
    .max(300, "Ghi chú dài quá 300 ký tự")
    .optional()
    .transform((v) => oneLine(v ?? "")),
  phase: z.enum(MEETING_PHASES, { error: "Chọn thời điểm gửi tài liệu" }),
  audience: z.enum(DOCUMENT_AUDIENCES, { error: "Chọn người nhận tài liệu" }),
  classified: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  groupIds: ids,
  bridgePointIds: ids,
  attendeeIds: ids,
});

export type DocumentDraft = Omit<z.infer<typeof createDocumentSchema>, "intent">;

export const documentIntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("move"),
    documentId: z.string({ error: "Thiếu tài liệu" }).min(1),
    direction: z.enum(["up", "down"], { error: "Chọn hướng chuyển" }),
  }),
  z.object({ intent: z.literal("delete"), documentId: z.string({ error: "Thiếu tài liệu" }).min(1) }),
  z.object({
    intent: z.literal("publish"),
    documentIds: ids.pipe(z.array(z.string()).min(1, "Chọn tài liệu cần công bố.")),
  }),
]);

export const documentFormSchema = z.discriminatedUnion("intent", [
  createDocumentSchema,
  ...documentIntentSchema.options,
]);

export type DocumentIntent = z.infer<typeof documentFormSchema>["intent"];
