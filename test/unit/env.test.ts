import { describe, expect, it } from "vitest";
import { parseEnv } from "../../app/env.server.ts";

describe("environment validation", () => {
  it("defaults to the embedded SQLite file", () => {
    expect(parseEnv({}).DATABASE_URL).toBe("file:./data/hoinghi.db");
  });
  it("names the bad variable in Vietnamese", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://x" })).toThrow(/DATABASE_URL phải có dạng file:/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET phải dài ít nhất 32 ký tự/);
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/Biến môi trường không hợp lệ[\s\S]*NODE_ENV/);
  });
  it("requires a session secret in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: bắt buộc khi chạy production/);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }).SESSION_SECRET).toBe("x".repeat(32));
  });
});
