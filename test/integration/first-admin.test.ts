import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "#app/auth/password.server.ts";
import { createPrismaClient } from "#app/database/client.server.ts";
import { ORGANIZATION_LEVELS } from "#app/organizations/levels.ts";
import { collect, freePort, stopper, track, waitForOk } from "#scripts/lib/app-process.ts";
import { createDatabase } from "#tests/helpers/pg-databases.ts";

// A real installation starts from an empty database: `npm run setup` creates the organisation levels,
// the top organisation and the first administrator, who can then sign in (`npm start` has no demo
// account to refuse). On this test's database server: a new SQLite file, or a new PostgreSQL database.

const ROOT = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-setup-"));
let url = "";

const ARGS = [
  "--organization",
  "Ủy ban nhân dân tỉnh Quảng Nam",
  "--document-name",
  "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
  "--place",
  "Quảng Nam",
  "--level",
  "TINH",
  "--code",
  "49",
  "--email",
  "VanPhong@QuangNam.gov.vn",
  "--name",
  "Nguyễn Văn Tâm",
  "--position",
  "Chánh Văn phòng",
];

function productionEnv(): NodeJS.ProcessEnv {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), DATABASE_URL: url };
  delete env.ADMIN_PASSWORD;
  delete env.ALLOW_DEMO_CREDENTIALS;
  return { ...env, NODE_ENV: "production", SESSION_SECRET: "s".repeat(40), DATA_DIR: path.join(tmp, "data") };
}

function setup(args: string[], options: { password?: string; input?: string } = {}) {
  const env = productionEnv();
  if (options.password !== undefined) env.ADMIN_PASSWORD = options.password;
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts", ...args], {
    cwd: ROOT,
    env,
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
}

async function counts() {
  const prisma = createPrismaClient(url);
  try {
    return {
      users: await prisma.user.count(),
      organizations: await prisma.organization.count(),
      audit: await prisma.auditEvent.count(),
    };
  } finally {
    await prisma.$disconnect();
  }
}

beforeAll(async () => {
  const server = process.env.TEST_POSTGRES_URL;
  url = server
    ? await createDatabase(server, `${process.env.TEST_PG_RUN}_setup${Date.now().toString(36)}`)
    : `file:${path.join(tmp, "fresh.db")}`;
}, 60_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("npm run setup on an empty database", () => {
  it("refuses bad input naming each field, and writes nothing", async () => {
    const bad = setup(
      ["--organization", "", "--document-name", "X", "--place", "Y", "--level", "TỈNH", "--email", "khong-hop-le"],
      { password: "ngan" },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--organization: Nhập tên cơ quan, đơn vị");
    expect(bad.stderr).toContain("--level: Cấp phải là một trong TRUNG_UONG, TINH");
    expect(bad.stderr).toContain("--email: Địa chỉ thư điện tử không hợp lệ");
    expect(bad.stderr).toContain("--name: Nhập họ và tên");
    expect(bad.stderr).toContain("ADMIN_PASSWORD: Mật khẩu cần ít nhất 10 ký tự");
    expect(bad.stderr).not.toMatch(/at \S+ \(/);
    const unknown = setup(["--organisation", "x"], { password: "mot-mat-khau-dai" });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Tham số không đúng/);
  }, 120_000);

  it("creates the levels, the organisation and an administrator who can sign in, with their audit records", async () => {
    // The password from standard input, as a script or an operator would pipe it.
    const done = setup(ARGS, { input: "mật-khẩu-đủ-dài-2026\n" });
    expect(done.stderr).toBe("");
    expect(done.status).toBe(0);
    expect(done.stdout).toContain(
      "Đã tạo “Ủy ban nhân dân tỉnh Quảng Nam” và tài khoản quản trị vanphong@quangnam.gov.vn",
    );

    const prisma = createPrismaClient(url);
    try {
      expect(await prisma.organizationLevel.count()).toBe(ORGANIZATION_LEVELS.length);
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: "vanphong@quangnam.gov.vn" },
        select: {
          name: true,
          position: true,
          active: true,
          isDemo: true,
          password: { select: { hash: true } },
          roles: { select: { role: true } },
          organization: {
            select: { name: true, documentName: true, code: true, parentId: true, level: { select: { code: true } } },
          },
        },
      });
      expect(user).toMatchObject({ name: "Nguyễn Văn Tâm", position: "Chánh Văn phòng", active: true, isDemo: false });
      expect(user.roles.map((r) => r.role)).toEqual(["ADMIN"]);
      expect(user.organization).toEqual({
        name: "Ủy ban nhân dân tỉnh Quảng Nam",
        documentName: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
        code: "49",
        parentId: null,
        level: { code: "TINH" },
      });
      expect(await verifyPassword(user.password!.hash, "mật-khẩu-đủ-dài-2026")).toBe(true);
      const audit = await prisma.auditEvent.findMany({
        orderBy: { at: "asc" },
        select: { action: true, actorKind: true, changes: true },
      });
      expect(audit.map((a) => [a.action, a.actorKind])).toEqual([
        ["organization.create", "SYSTEM"],
        ["user.create", "SYSTEM"],
      ]);
      expect(audit.map((a) => a.changes).join("")).not.toContain("mật-khẩu-đủ-dài-2026");
    } finally {
      await prisma.$disconnect();
    }

    // npm start has no demo account to refuse, and the administrator signs in and sees the organisation.
    const port = await freePort();
    const child = track(
      spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
        cwd: ROOT,
        env: { ...productionEnv(), PORT: String(port), HOST: "127.0.0.1", COOKIE_SECURE: "false" },
        stdio: ["ignore", "ignore", "pipe"],
      }),
    );
    const stderr = collect(child);
    const stop = stopper(child);
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForOk(`${base}/login`, child, stderr);
      const login = await fetch(`${base}/login`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
        body: new URLSearchParams({ email: "vanphong@quangnam.gov.vn", password: "mật-khẩu-đủ-dài-2026" }).toString(),
        redirect: "manual",
      });
      expect(login.status).toBe(302);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(";")[0]!)
        .find((c) => c.startsWith("hn_session="));
      expect(cookie).toBeDefined();
      const page = await fetch(`${base}/admin/organizations`, { headers: { cookie: cookie! } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Ủy ban nhân dân tỉnh Quảng Nam");
    } finally {
      await stop();
    }
    expect(stderr()).toBe("");
  }, 120_000);

  it("refuses a second setup once an account exists, and changes nothing", async () => {
    const before = await counts();
    const again = setup(
      ARGS.map((a) => (a === "VanPhong@QuangNam.gov.vn" ? "khac@quangnam.gov.vn" : a)),
      {
        password: "mot-mat-khau-khac-dai",
      },
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/đã có 1 tài khoản: việc cài đặt lần đầu đã xong/);
    expect(await counts()).toEqual(before);
  }, 120_000);
});
