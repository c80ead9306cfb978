// npm run setup -- --organization "Ủy ban nhân dân tỉnh Quảng Nam"
//   --document-name "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM" --place "Quảng Nam" --level TINH
//   --email vanphong@quangnam.gov.vn --name "Nguyễn Văn A" [--position "Chánh Văn phòng"] [--code 49]
// First run of a real installation (SQLite or PostgreSQL, whichever DATABASE_URL names): migrates the database,
// then creates the organisation levels, the installation's top organisation and its first administrator
// (app/users/first-admin.server.ts). The password comes from ADMIN_PASSWORD or standard input, never from
// the command line, where other users of the machine could read it. Refuses once any account exists.
// Exit status: 0 done, 1 refused (already set up, database error), 2 bad input.
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrateUrl } from "#app/database/migrate.server.ts";
import { parseEnv } from "#app/env.server.ts";
import { firstAdminSchema } from "#app/users/first-admin.ts";
import { AlreadySetUp, createFirstAdmin } from "#app/users/first-admin.server.ts";

const OPTIONS = {
  organization: { type: "string" },
  "document-name": { type: "string" },
  place: { type: "string" },
  level: { type: "string" },
  code: { type: "string" },
  email: { type: "string" },
  name: { type: "string" },
  position: { type: "string" },
} as const;

// Where each field came from, to name it in an error.
const SOURCE: Record<string, string> = {
  "organization.name": "--organization",
  "organization.documentName": "--document-name",
  "organization.placeName": "--place",
  "organization.level": "--level",
  "organization.code": "--code",
  "admin.email": "--email",
  "admin.name": "--name",
  "admin.position": "--position",
  password: "ADMIN_PASSWORD",
};

async function readPassword(): Promise<string | undefined> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (process.stdin.isTTY) {
    process.stdout.write("Mật khẩu cho tài khoản quản trị (ít nhất 10 ký tự, dòng sẽ hiện khi gõ): ");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.includes(10)) break;
  }
  const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0];
  return line || undefined;
}

function fail(code: 1 | 2, message: string): never {
  console.error(message);
  process.exit(code);
}

let args: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];
try {
  args = parseArgs({ args: process.argv.slice(2), options: OPTIONS, strict: true }).values;
} catch (error) {
  fail(2, `Tham số không đúng: ${error instanceof Error ? error.message : String(error)}`);
}
const parsed = firstAdminSchema.safeParse({
  organization: {
    name: args.organization,
    documentName: args["document-name"],
    placeName: args.place,
    level: args.level,
    code: args.code,
  },
  admin: { email: args.email, name: args.name, position: args.position },
  password: await readPassword(),
});
if (!parsed.success) {
  const lines = parsed.error.issues.map((i) => `  ${SOURCE[i.path.join(".")] ?? i.path.join(".")}: ${i.message}`);
  fail(2, `Chưa cài đặt được, thông tin chưa đúng:\n${[...new Set(lines)].join("\n")}`);
}
try {
  const env = parseEnv();
  await migrateUrl(env.DATABASE_URL);
  await createFirstAdmin(parsed.data);
  console.log(
    `Đã tạo “${parsed.data.organization.name}” và tài khoản quản trị ${parsed.data.admin.email}. Chạy npm start rồi đăng nhập để thêm các cơ quan, tài khoản khác.`,
  );
  process.exit(0);
} catch (error) {
  if (error instanceof AlreadySetUp) fail(1, error.message);
  if (error instanceof z.ZodError) fail(2, error.issues.map((i) => i.message).join("\n"));
  fail(1, `Chưa cài đặt được: ${error instanceof Error ? error.message : String(error)}`);
}
