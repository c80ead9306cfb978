// What the first-run setup (npm run setup) asks for: the installation's top organisation and its first
// administrator, who then adds every other organisation and account on the admin pages.
import { z } from "zod";
import { organizationFormSchema } from "#app/organizations/organization-form.ts";
import { LEVEL_CODES } from "#app/organizations/levels.ts";
import { emailSchema, passwordSchema } from "#app/users/user-form.ts";

export const firstAdminSchema = z.object({
  organization: organizationFormSchema.pick({ name: true, documentName: true, placeName: true, code: true }).extend({
    level: z.enum(LEVEL_CODES, `Cấp phải là một trong ${LEVEL_CODES.join(", ")}`),
  }),
  admin: z.object({
    email: emailSchema,
    name: z.string({ error: "Nhập họ và tên" }).trim().min(1, "Nhập họ và tên").max(100, "Họ tên dài quá 100 ký tự"),
    position: z.string().trim().max(200, "Chức vụ dài quá 200 ký tự").optional(),
  }),
  password: z.string({ error: "Nhập mật khẩu (biến ADMIN_PASSWORD hoặc đầu vào chuẩn)" }).pipe(passwordSchema),
});

export type FirstAdmin = z.infer<typeof firstAdminSchema>;
