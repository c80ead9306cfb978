import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "#app/env.server.ts";
import { workerNodeFlags } from "#scripts/lib/worker-node-flags.ts";

// Issue 17, part 2: the systemd units in docs/deploy/ are valid for systemd, agree with the app on the
// stop bound, and their example environment file is one the app accepts.

const root = path.resolve(import.meta.dirname, "../..");
const deploy = path.join(root, "docs/deploy");
const units = ["hoinghi.service", "hoinghi-worker.service"];
const hasSystemd = spawnSync("systemd-analyze", ["--version"]).status === 0;

/** Key=value lines of a unit or an environment file (later lines win, as systemd reads them). */
function settings(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(deploy, file), "utf8").split("\n")) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) out.set(m[1]!, [...(out.get(m[1]!) ?? []), m[2]!.replace(/^"(.*)"$/, "$1")]);
  }
  return out;
}

const envFile = () => new Map([...settings("hoinghi.env.example")].map(([k, v]) => [k, v.at(-1)!]));

describe("docs/deploy systemd units", () => {
  it.skipIf(!hasSystemd)("pass systemd-analyze verify", () => {
    // An unknown key or a bad value is a complaint on stderr (and for some, a failing status).
    const run = spawnSync("systemd-analyze", ["verify", ...units.map((u) => path.join(deploy, u))], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it.each(units)("%s restarts on failure, reads the environment file and stops after the app's own bound", (unit) => {
    const s = settings(unit);
    expect(s.get("Restart")).toEqual(["on-failure"]);
    expect(s.get("EnvironmentFile")).toEqual(["/etc/hoinghi/hoinghi.env"]);
    expect(s.get("StateDirectory")).toEqual(["hoinghi"]);
    expect(s.get("Environment")).toContain("DATA_DIR=/var/lib/hoinghi");
    expect(s.get("User")).toEqual(["hoinghi"]);
    expect(s.get("NoNewPrivileges")).toEqual(["yes"]);
    // SIGTERM reaches the script, which passes it on; systemd kills only after the app has given up.
    expect(s.get("KillMode")).toEqual(["mixed"]);
    const stopSec = Number(/^(\d+)s$/.exec(s.get("TimeoutStopSec")![0]!)![1]);
    const appBound = parseEnv({ SESSION_SECRET: "x".repeat(32), NODE_ENV: "production" }).SHUTDOWN_TIMEOUT_MS;
    expect(stopSec * 1000).toBeGreaterThan(appBound);
    expect(stopSec * 1000).toBeGreaterThan(Number(envFile().get("SHUTDOWN_TIMEOUT_MS")));
    expect(s.get("ExecStart")![0]).toMatch(
      unit === "hoinghi.service" ? / scripts\/start\.ts$/ : / scripts\/worker\.ts$/,
    );
  });

  it("start the worker with the heap settings of package.json's worker script", () => {
    const flags = workerNodeFlags();
    expect(flags.length).toBeGreaterThan(0);
    expect(settings("hoinghi-worker.service").get("ExecStart")).toEqual([
      `/usr/bin/node ${flags.join(" ")} --import tsx scripts/worker.ts`,
    ]);
    // Node accepts them (an unknown V8 flag stops node before it runs anything).
    const run = spawnSync(process.execPath, [...flags, "-e", "process.exit(0)"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("come with an environment file the app accepts once SESSION_SECRET is filled in", () => {
    const values = Object.fromEntries(envFile());
    expect(values.SESSION_SECRET).toBe("");
    expect(() => parseEnv({ NODE_ENV: "production", ...values })).toThrow(/SESSION_SECRET/);
    const env = parseEnv({ NODE_ENV: "production", ...values, SESSION_SECRET: "x".repeat(64) });
    expect(env.DATABASE_URL).toBe("file:/var/lib/hoinghi/hoinghi.db");
    expect(env.DATA_DIR).toBe("/var/lib/hoinghi");
    expect(env.MAIL_FROM).toBe("Hội nghị CCHC <no-reply@example.gov.vn>");
  });

  it("has the stop bound and the free-space threshold checked like every setting", () => {
    const base = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) };
    expect(parseEnv(base)).toMatchObject({ SHUTDOWN_TIMEOUT_MS: 10_000, READY_MIN_FREE_MB: 500 });
    expect(() => parseEnv({ ...base, SHUTDOWN_TIMEOUT_MS: "10" })).toThrow(/SHUTDOWN_TIMEOUT_MS phải ít nhất 1000/);
    expect(() => parseEnv({ ...base, READY_MIN_FREE_MB: "-1" })).toThrow(/READY_MIN_FREE_MB/);
  });
});
