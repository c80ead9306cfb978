import { z } from "zod";
import { ROLES } from "#app/auth/roles.ts";

const base = {
  name: z.string({ error: "Nhập họ và tên" }).trim().min(1, "Nhập họ và tên").max(100, "Họ tên dài quá 100 ký tự"),
  position: z.string().trim().max(200, "Chức vụ dài quá 200 ký tự").optional(),
  organizationId: z.string({ error: "Chọn cơ quan" }).min(1, "Chọn cơ quan"),
  roles: z
    .array(z.enum(ROLES, { error: "Vai trò không hợp lệ" }), { error: "Chọn ít nhất một vai trò" })
    .min(1, "Chọn ít nhất một vai trò"),
};

export const passwordSchema = z.string().min(10, "Mật khẩu cần ít nhất 10 ký tự").max(200, "Mật khẩu quá dài");

export const emailSchema = z
  .string({ error: "Nhập địa chỉ thư điện tử" })
  .trim()
  .toLowerCase()
  .email("Địa chỉ thư điện tử không hợp lệ")
  .max(200);

export const newUserSchema = z.object({
  ...base,
  email: emailSchema,
  password: z.string({ error: "Nhập mật khẩu ban đầu" }).pipe(passwordSchema),
});

export const editUserSchema = z.object({
  ...base,
  active: z.boolean().optional().default(false),
  password: passwordSchema.optional(),
});
