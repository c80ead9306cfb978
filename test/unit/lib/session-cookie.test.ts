import { describe, expect, it } from "vitest";
import { hasSessionCookie, SESSION_COOKIE_NAME } from "#app/lib/session-cookie.ts";

// The edge leaves a request to Remix when it carries the session cookie, whatever else it carries.
describe("hasSessionCookie", () => {
  it("finds the session cookie anywhere in the header, and nothing that only looks like it", () => {
    expect(hasSessionCookie(`${SESSION_COOKIE_NAME}=abc`)).toBe(true);
    expect(hasSessionCookie(`theme=dark; ${SESSION_COOKIE_NAME}=abc`)).toBe(true);
    expect(hasSessionCookie(`theme=dark;${SESSION_COOKIE_NAME}=`)).toBe(true);
    expect(hasSessionCookie(undefined)).toBe(false);
    expect(hasSessionCookie("")).toBe(false);
    expect(hasSessionCookie(`x${SESSION_COOKIE_NAME}=abc`)).toBe(false);
    expect(hasSessionCookie(`${SESSION_COOKIE_NAME}_old=abc`)).toBe(false);
    expect(hasSessionCookie(`theme=${SESSION_COOKIE_NAME}`)).toBe(false);
  });
});
