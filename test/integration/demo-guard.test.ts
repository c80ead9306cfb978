import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoCredentialsInUse } from "../../app/auth/demo-guard.server.ts";
import { hashPassword } from "../../app/auth/password.server.ts";
import { prisma } from "../../app/db.server.ts";

const root = path.resolve(import.meta.dirname, "../..");
const file = process.env.TEST_DATABASE_FILE!;

function start(env: Record<string, string>) {
  // PORT=1 makes remix-serve fail right away if the guard ever let it through.
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "production", PORT: "1", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("production start with demo credentials", () => {
  it("refuses to start while the demo administrator keeps the demo password, unless told", async () => {
    expect(await demoCredentialsInUse(file)).toBe(true);
    const refused = start({ SESSION_SECRET: "s".repeat(40) });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Tài khoản mẫu admin@hoinghi.local còn dùng mật khẩu mẫu");
  });

  it("refuses to start without a session secret, naming the variable", () => {
    const refused = start({});
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("SESSION_SECRET: bắt buộc khi chạy production");
  });

  it("lets the check pass once the password is changed", async () => {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@hoinghi.local" }, select: { id: true } });
    await prisma.password.update({ where: { userId: admin.id }, data: { hash: await hashPassword("mat-khau-rieng-cua-tinh") } });
    expect(await demoCredentialsInUse(file)).toBe(false);
  });
});
