import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "#app/env.server.ts";

// The secret the code used to fall back to; it is in the repository's history for anyone to read.
const PUBLISHED = "development-only-secret-do-not-use-in-production";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-env-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const dataDir = () => path.join(tmp, `data-${++n}`);

describe("environment validation", () => {
  it("defaults to the embedded SQLite file", () => {
    expect(parseEnv({ DATA_DIR: dataDir() }).DATABASE_URL).toBe("file:./data/hoinghi.db");
  });
  it("takes a PostgreSQL server as well as a SQLite file", () => {
    const url = "postgresql://hoinghi:mk@db.example:5432/hoinghi";
    expect(parseEnv({ DATA_DIR: dataDir(), DATABASE_URL: url }).DATABASE_URL).toBe(url);
    expect(parseEnv({ DATA_DIR: dataDir(), DATABASE_URL: "postgres://db/hoinghi" }).DATABASE_URL).toBe(
      "postgres://db/hoinghi",
    );
    expect(parseEnv({ DATA_DIR: dataDir(), DATABASE_URL: "file:/tmp/x.db" }).DATABASE_URL).toBe("file:/tmp/x.db");
  });
  it("names the bad variable in Vietnamese", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL phải có dạng file:<đường dẫn tệp SQLite> hoặc postgresql:\/\//,
    );
    expect(() => parseEnv({ DATABASE_URL: "./data/hoinghi.db" })).toThrow(/DATABASE_URL phải có dạng file:/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET phải dài ít nhất 32 ký tự/);
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/Biến môi trường không hợp lệ[\s\S]*NODE_ENV/);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY phải là true hoặc false/);
  });
  it("checks the claim lease and the background-worker switch", () => {
    const secret = { SESSION_SECRET: "x".repeat(32) };
    expect(parseEnv(secret)).toMatchObject({ CLAIM_LEASE_MS: 30_000, BACKGROUND_WORKERS: "on" });
    expect(parseEnv({ ...secret, CLAIM_LEASE_MS: "5000", BACKGROUND_WORKERS: "off" })).toMatchObject({
      CLAIM_LEASE_MS: 5000,
      BACKGROUND_WORKERS: "off",
    });
    expect(() => parseEnv({ ...secret, CLAIM_LEASE_MS: "10" })).toThrow(/CLAIM_LEASE_MS phải ít nhất 1000/);
    expect(() => parseEnv({ ...secret, BACKGROUND_WORKERS: "no" })).toThrow(/BACKGROUND_WORKERS phải là on hoặc off/);
  });
  it("requires a session secret in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: bắt buộc khi chạy production/);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }).SESSION_SECRET).toBe("x".repeat(32));
  });
  it("has no fallback secret outside development, not even for a demo run or under test", () => {
    const dir = dataDir();
    expect(() => parseEnv({ NODE_ENV: "production", ALLOW_DEMO_CREDENTIALS: "true", DATA_DIR: dir })).toThrow(
      /SESSION_SECRET: bắt buộc khi chạy production/,
    );
    expect(() => parseEnv({ NODE_ENV: "test", DATA_DIR: dir })).toThrow(/SESSION_SECRET: bắt buộc/);
    expect(() => parseEnv({ NODE_ENV: "test", ALLOW_DEMO_CREDENTIALS: "true", DATA_DIR: dir })).toThrow(
      /SESSION_SECRET: bắt buộc/,
    );
    // Nor did refusing leave a secret file behind.
    expect(fs.existsSync(dir)).toBe(false);
  });
  it("gives development a random secret of its own, kept in DATA_DIR/session-secret (0600) and reused", () => {
    const dir = dataDir();
    const first = parseEnv({ NODE_ENV: "development", DATA_DIR: dir }).SESSION_SECRET;
    expect(first).not.toBe(PUBLISHED);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(dir, "session-secret");
    expect(fs.readFileSync(file, "utf8").trim()).toBe(first);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(parseEnv({ DATA_DIR: dir }).SESSION_SECRET).toBe(first);
    // Another data directory, another secret.
    expect(parseEnv({ DATA_DIR: dataDir() }).SESSION_SECRET).not.toBe(first);
  });
  it("refuses a damaged secret file rather than sign with it", () => {
    const dir = dataDir();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "session-secret"), "short\n");
    expect(() => parseEnv({ DATA_DIR: dir })).toThrow(/Tệp khóa phiên .* không hợp lệ/);
  });
});
