import { z } from "zod";

// One attendee, as typed on screen or read from a row of an import file.

export const emailSchema = z
  .string({ error: "Nhập thư điện tử" })
  .trim()
  .toLowerCase()
  .max(200, "Thư điện tử quá dài")
  .email("Thư điện tử không hợp lệ");

/** No line breaks anywhere: these values end up in e-mail headers and calendar entries. */
const line = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} dài quá ${max} ký tự`)
    .optional()
    .transform((v) => (v ?? "").replace(/[\r\n\t]+/g, " ").trim());

export const attendeeSchema = z.object({
  name: z
    .string({ error: "Nhập họ và tên" })
    .transform((v) => v.replace(/[\r\n\t]+/g, " ").trim())
    .pipe(z.string().min(1, "Nhập họ và tên").max(100, "Họ tên dài quá 100 ký tự")),
  position: line(200, "Chức vụ"),
  organizationName: line(200, "Cơ quan"),
  groupId: z.string().optional(),
  email: emailSchema,
  phone: z
    .string()
    .trim()
    .max(30, "Số điện thoại quá dài")
    .regex(/^[0-9+() .-]*$/, "Số điện thoại chỉ gồm chữ số, dấu cách, +, (, ), -")
    .optional()
    .transform((v) => v ?? ""),
  bridgePointId: z.string().optional(),
});

export type AttendeeValues = z.infer<typeof attendeeSchema>;

/** Monday–Friday days from `from` (exclusive) to `to` (inclusive), in Vietnam time. */
export function workingDaysBetween(from: Date, to: Date): number {
  const dayMs = 86_400_000;
  const offset = 7 * 3_600_000;
  const start = Math.floor((from.getTime() + offset) / dayMs);
  const end = Math.floor((to.getTime() + offset) / dayMs);
  let days = 0;
  for (let d = start + 1; d <= end; d++) {
    const weekday = new Date(d * dayMs).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return days;
}
