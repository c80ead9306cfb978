import { z } from "zod";

// A plan's document layout. Most plans use the standard layout built from
// their fields (standardOutline); plans transcribed from an existing document
// keep that document's own headings, order and wording here, while the data
// the app works with (schedule, attendee groups, tasks…) stays in fields.

export const PLAN_FIELDS = [
  "purposes",
  "requirements",
  "content",
  "chair",
  "attendees",
  "format",
  "schedule",
  "venue",
  "budget",
  "tasks",
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export const outlineBlockSchema = z.discriminatedUnion("type", [
  // A numbered or lettered sub-heading such as "1. Mục đích".
  z.object({ type: z.literal("subheading"), text: z.string().min(1) }),
  // Wording of the document that is not data: one paragraph per line.
  z.object({ type: z.literal("text"), text: z.string().min(1) }),
  // A field of the plan, optionally introduced by a label ("2. Thời gian: ").
  // A label ending in ": " runs into the field's first paragraph; any other
  // label stands on its own line.
  z.object({ type: z.literal("field"), field: z.enum(PLAN_FIELDS), label: z.string().optional() }),
]);
export type OutlineBlock = z.infer<typeof outlineBlockSchema>;

export const outlineSectionSchema = z.object({
  heading: z.string().min(1),
  blocks: z.array(outlineBlockSchema),
});
export type OutlineSection = z.infer<typeof outlineSectionSchema>;

export const outlineSchema = z.object({ sections: z.array(outlineSectionSchema) });
export type Outline = z.infer<typeof outlineSchema>;

export function parseOutline(json: string | null | undefined): Outline | null {
  if (!json) return null;
  const parsed = outlineSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/**
 * The usual layout of a Vietnamese conference plan (kế hoạch), numbered over
 * the fields that are filled in so that numbering never has gaps.
 */
export function standardOutline(filled: (field: PlanField) => boolean, kind: "CONFERENCE" | "REMEDIATION"): Outline {
  const sections: OutlineSection[] = [];
  const purposeBlocks: OutlineBlock[] = [];
  if (filled("purposes"))
    purposeBlocks.push({ type: "subheading", text: "1. Mục đích" }, { type: "field", field: "purposes" });
  if (filled("requirements"))
    purposeBlocks.push(
      { type: "subheading", text: `${filled("purposes") ? 2 : 1}. Yêu cầu` },
      { type: "field", field: "requirements" },
    );
  if (purposeBlocks.length) sections.push({ heading: "MỤC ĐÍCH, YÊU CẦU", blocks: purposeBlocks });

  if (kind === "CONFERENCE") {
    const items: Array<[PlanField, string]> = [
      ["content", "Nội dung"],
      ["chair", "Chủ trì"],
      ["attendees", "Thành phần tham dự"],
      ["format", "Hình thức tổ chức"],
      ["schedule", "Thời gian"],
      ["venue", "Địa điểm"],
      ["budget", "Kinh phí thực hiện"],
    ];
    const blocks: OutlineBlock[] = [];
    let i = 0;
    for (const [field, label] of items) {
      if (!filled(field)) continue;
      i++;
      // Lists and long texts get their own sub-heading; short values run on.
      const runOn = field !== "attendees" && field !== "content";
      blocks.push(
        runOn ? { type: "field", field, label: `${i}. ${label}: ` } : { type: "field", field, label: `${i}. ${label}` },
      );
    }
    if (blocks.length) sections.push({ heading: "NỘI DUNG, THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM", blocks });
  } else if (filled("content")) {
    sections.push({ heading: "NHIỆM VỤ VÀ GIẢI PHÁP", blocks: [{ type: "field", field: "content" }] });
  }
  if (filled("tasks")) sections.push({ heading: "TỔ CHỨC THỰC HIỆN", blocks: [{ type: "field", field: "tasks" }] });
  return {
    sections: sections.map((s, idx) => ({ ...s, heading: `${ROMAN[idx] ?? idx + 1}. ${s.heading}` })),
  };
}
