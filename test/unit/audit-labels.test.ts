import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_LABEL } from "#app/audit/labels.ts";

// Every action the app records has a Vietnamese name on the "Nhật ký thay đổi" pages.
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("audit action labels", () => {
  it("name every action written by recordAudit", () => {
    const app = path.resolve(import.meta.dirname, "../../app");
    const actions = new Set<string>();
    for (const file of sources(app)) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/action: "([a-zA-Z-]+\.[a-z.-]+)"/g)) actions.add(m[1]!);
    }
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions].filter((a) => !(a in ACTION_LABEL))).toEqual([]);
  });
});
