import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BRIDGE_CAPABILITIES, ROLE_CAPABILITIES } from "#app/auth/policy.ts";

// The README's list of roles is documentation of app/auth/policy.ts: it must say what the table says.
const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
const section = readme.slice(readme.indexOf("<!-- roles:start -->"), readme.indexOf("<!-- roles:end -->"));
const capabilityPattern = /\b[a-z]+\.[a-z]+\b|\badmin\b/g;

describe("README roles", () => {
  for (const [role, caps] of Object.entries(ROLE_CAPABILITIES)) {
    it(`lists exactly the capabilities of ${role}`, () => {
      const line = section.split("\n").find((l) => l.startsWith(`- **${role}**`));
      expect(line, `README has no line for ${role}`).toBeDefined();
      const text = line!.replace(/\(.*?\)/g, "");
      const [orgWide, attached = ""] = text.split("; ");
      expect(new Set(orgWide!.match(capabilityPattern) ?? [])).toEqual(new Set(caps));
      if (role === "BRIDGE_OPERATOR")
        expect(new Set(attached.match(capabilityPattern) ?? [])).toEqual(new Set(BRIDGE_CAPABILITIES));
    });
  }
});
