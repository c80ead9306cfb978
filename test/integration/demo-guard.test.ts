import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoAccountsWithDemoPassword, demoCredentialsInUse } from "#app/auth/demo-guard.server.ts";
import { DEMO_PASSWORD, hashPassword } from "#app/auth/password.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { users as seededUsers } from "#prisma/seed-data/organizations.ts";

const root = path.resolve(import.meta.dirname, "../..");
// This test file's own database, SQLite or PostgreSQL.
const databaseUrl = process.env.DATABASE_URL!;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-demo-guard-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs `npm start`'s script; a variable set to undefined is left out of the child's environment. */
function start(env: Record<string, string | undefined>) {
  const childEnv: Record<string, string> = {};
  const merged = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    DATA_DIR: path.join(tmp, "data"),
    ...env,
  };
  for (const [k, v] of Object.entries(merged)) if (v !== undefined) childEnv[k] = v;
  // An invalid port makes the server fail at once if the checks ever let it through (PORT=1
  // would not: these machines run tests as root, who may listen there).
  childEnv.PORT = "-1";
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: childEnv as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 30_000,
  });
}

const SECRET = "s".repeat(40);
const NON_ADMIN = "vanphong.tamduong@hoinghi.local";

async function setPassword(emails: string[], password: string) {
  const hash = await hashPassword(password);
  const ids = (await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true } })).map((u) => u.id);
  await prisma.password.updateMany({ where: { userId: { in: ids } }, data: { hash } });
}

describe("production start with demo credentials", () => {
  it("marks every seeded account as a demo account", async () => {
    expect(await prisma.user.count({ where: { isDemo: true } })).toBe(seededUsers.length);
    expect(await prisma.user.count({ where: { isDemo: false } })).toBe(0);
  });

  it("refuses to start while the demo accounts keep the demo password, naming them, unless told", async () => {
    expect(await demoCredentialsInUse(databaseUrl)).toBe(true);
    expect(await demoAccountsWithDemoPassword(databaseUrl)).toHaveLength(seededUsers.length);
    const refused = start({ SESSION_SECRET: SECRET });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${seededUsers.length} tài khoản mẫu còn dùng mật khẩu mẫu: admin@hoinghi.local`);
    expect(refused.stderr).toContain(`và ${seededUsers.length - 5} tài khoản khác`);
    expect(refused.stderr).toContain("ALLOW_DEMO_CREDENTIALS=true");
  });

  it("refuses to start without a session secret, naming the variable, even for a demo database", () => {
    const refused = start({ SESSION_SECRET: undefined });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("SESSION_SECRET: bắt buộc khi chạy production");
    expect(fs.existsSync(path.join(tmp, "data", "session-secret"))).toBe(false);
  });

  it("refuses to start while a single non-admin demo account keeps the demo password", async () => {
    await setPassword(
      seededUsers.map((u) => u.email).filter((e) => e !== NON_ADMIN),
      "mat-khau-rieng-cua-tinh",
    );
    expect(await demoAccountsWithDemoPassword(databaseUrl)).toEqual([NON_ADMIN]);
    const refused = start({ SESSION_SECRET: SECRET });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`1 tài khoản mẫu còn dùng mật khẩu mẫu: ${NON_ADMIN}.`);
  });

  it("counts a seeded account from before the demo flag, and any flagged account", async () => {
    await prisma.user.update({ where: { email: NON_ADMIN }, data: { isDemo: false } });
    const org = await prisma.user.findUniqueOrThrow({ where: { email: NON_ADMIN }, select: { organizationId: true } });
    await prisma.user.create({
      data: {
        email: "thu-nghiem@hoinghi.local",
        name: "Tài khoản thử nghiệm",
        organizationId: org.organizationId,
        isDemo: true,
        password: { create: { hash: await hashPassword(DEMO_PASSWORD) } },
      },
    });
    expect(await demoAccountsWithDemoPassword(databaseUrl)).toEqual(["thu-nghiem@hoinghi.local", NON_ADMIN]);
  });

  it("lets the check pass once every demo account has its own password or is locked", async () => {
    await setPassword([NON_ADMIN], "mat-khau-rieng-cua-huyen");
    await prisma.user.update({ where: { email: "thu-nghiem@hoinghi.local" }, data: { active: false } });
    expect(await demoAccountsWithDemoPassword(databaseUrl)).toEqual([]);
    expect(await demoCredentialsInUse(databaseUrl)).toBe(false);
  });

  it("runs `npm run demo` without a secret: one is generated once in DATA_DIR/session-secret (0600) and reused", () => {
    const secretFile = path.join(tmp, "data", "session-secret");
    const first = start({ SESSION_SECRET: undefined, ALLOW_DEMO_CREDENTIALS: "true" });
    expect(first.stdout).toContain(`SESSION_SECRET chưa đặt, dùng khóa ngẫu nhiên vừa tạo trong ${secretFile}`);
    expect(first.stderr).not.toContain("SESSION_SECRET");
    const secret = fs.readFileSync(secretFile, "utf8").trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);

    const second = start({ SESSION_SECRET: undefined, ALLOW_DEMO_CREDENTIALS: "true" });
    expect(second.stdout).toContain(`dùng khóa ngẫu nhiên đã lưu trong ${secretFile}`);
    expect(fs.readFileSync(secretFile, "utf8").trim()).toBe(secret);
    // Two starts that get as far as loading the production build (when there is one): slow on a busy machine.
  }, 90_000);
});
