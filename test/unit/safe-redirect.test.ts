// Issue 10, defect 3: the redirect after sign-in must stay on this site, whatever a crafted
// ?redirectTo= holds (browsers read "\" as "/" and drop tabs and newlines inside URLs).
import { describe, expect, it } from "vitest";
import { safeRedirect } from "#app/auth/session.server.ts";

const FALLBACK = "/conferences";

describe("safeRedirect", () => {
  it.each([
    ["/\\evil.example/"],
    ["/\\/evil.example/"],
    ["\\\\evil.example"],
    ["/\t/evil.example/"],
    ["/\n/evil.example/"],
    ["/\r/evil.example/"],
    ["/ /evil.example/"],
    ["/\u00a0/evil.example/"],
    ["/\u0000/evil.example/"],
    ["/\u007f/evil.example/"],
    ["/%5Cevil.example/"],
    ["/%5cevil.example/"],
    ["/%09/evil.example/"],
    ["/%0A/evil.example/"],
    ["/%2Fevil.example/"],
    ["/%2F%2Fevil.example/"],
    ["//evil.example/"],
    ["///evil.example/"],
    ["https://evil.example/"],
    ["http:evil.example"],
    ["javascript:alert(1)"],
    ["evil.example"],
    [""],
    ["/%E0%A4%A"],
  ])("refuses %j", (to) => {
    expect(safeRedirect(to)).toBe(FALLBACK);
  });

  it("refuses an absurdly long path", () => {
    expect(safeRedirect(`/${"a".repeat(3000)}`)).toBe(FALLBACK);
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(null)).toBe(FALLBACK);
    expect(safeRedirect(undefined)).toBe(FALLBACK);
    expect(safeRedirect(new File(["x"], "x.txt"))).toBe(FALLBACK);
  });

  it.each([
    ["/conferences", "/conferences"],
    [
      "/conferences/abc/attendees?page=2&q=Nguy%E1%BB%85n%20V%C4%83n",
      "/conferences/abc/attendees?page=2&q=Nguy%E1%BB%85n%20V%C4%83n",
    ],
    ["/conferences/abc/ke-hoach.pdf", "/conferences/abc/ke-hoach.pdf"],
    ["/rounds/x#diem", "/rounds/x#diem"],
    ["/", "/"],
    // Dot segments are resolved the way the browser would, and stay on the site.
    ["/conferences/../rounds", "/rounds"],
  ])("keeps the same-site path %j", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  it("uses the fallback it is given", () => {
    expect(safeRedirect("/\\evil.example/", "/")).toBe("/");
  });
});
