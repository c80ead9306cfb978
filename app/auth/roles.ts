// The roles a user holds in an organisation (docs: README "Vai trò"); the values come from the
// Prisma schema, the labels are the one Vietnamese name of each role.
import { Role } from "#app/generated/prisma/enums.ts";

export { Role };

export const ROLES = Object.values(Role) as [Role, ...Role[]];
export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Quản trị",
  OFFICE: "Văn phòng",
  HOME_AFFAIRS: "Nội vụ",
  BRIDGE_OPERATOR: "Vận hành điểm cầu",
  CHECKIN_STAFF: "Điểm danh",
  IT_SUPPORT: "Kỹ thuật điểm cầu (CNTT)",
  VIEWER: "Chỉ xem",
};
