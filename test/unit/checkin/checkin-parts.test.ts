import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseCheckinBody } from "#app/checkin/api.server.ts";
import { effectiveScanTime } from "#app/checkin/decision.server.ts";
import { formatScanTime } from "#app/checkin/format.ts";
import { checkinCode, formatCheckinCode, normalizeCheckinCode } from "#app/invitations/checkin-code.ts";
import { decodeScannerCredential, encodeScannerCredential } from "#app/checkin/credential.server.ts";

const SECRET = "a test secret that is at least thirty-two characters";

describe("scanner credentials", () => {
  const claims = {
    conferenceId: "c1",
    listId: "l1",
    userId: "u1",
    expiresAt: Date.now() + 60_000,
    sessionId: "s1",
    issuedAt: Date.now(),
  };

  it("round-trips and binds conference, list, user and sign-in session", () => {
    const text = encodeScannerCredential(SECRET, claims);
    expect(decodeScannerCredential(SECRET, text)).toEqual(claims);
    expect(decodeScannerCredential(SECRET, encodeScannerCredential(SECRET, { ...claims, listId: null }))).toMatchObject(
      { listId: null },
    );
  });

  it("refuses another secret, an edited payload, an expired credential and junk", () => {
    const text = encodeScannerCredential(SECRET, claims);
    expect(decodeScannerCredential("another secret that is also long enough!!", text)).toBeNull();
    const [payload, mac] = text.split(".");
    const edited = Buffer.from(JSON.stringify(["c2", "l1", "u1", claims.expiresAt, "s1", claims.issuedAt])).toString(
      "base64url",
    );
    expect(decodeScannerCredential(SECRET, `${edited}.${mac}`)).toBeNull();
    // Another session, or none (a credential of the first version), is not this credential.
    const otherSession = Buffer.from(
      JSON.stringify(["c1", "l1", "u1", claims.expiresAt, "s2", claims.issuedAt]),
    ).toString("base64url");
    expect(decodeScannerCredential(SECRET, `${otherSession}.${mac}`)).toBeNull();
    expect(decodeScannerCredential(SECRET, `${payload}.`)).toBeNull();
    expect(decodeScannerCredential(SECRET, text, claims.expiresAt + 1)).toBeNull();
    for (const junk of ["", ".", "abc", "x".repeat(700)]) expect(decodeScannerCredential(SECRET, junk)).toBeNull();
  });
});

describe("check-in codes", () => {
  it("are six Crockford base-32 characters taken from the invitation key", () => {
    expect(checkinCode(Buffer.alloc(16).toString("base64url"))).toBe("000000");
    expect(checkinCode(Buffer.alloc(16, 255).toString("base64url"))).toBe("ZZZZZZ");
    // 0x1a 0x3b 0x78 … = 00011 01000 11101 1…
    expect(checkinCode(Buffer.from("1a3b78000000000000000000000000ff", "hex").toString("base64url")).slice(0, 3)).toBe(
      "38X",
    );
    for (let i = 0; i < 200; i++)
      expect(checkinCode(randomBytes(16).toString("base64url"))).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it("print in two groups and accept what people type", () => {
    expect(formatCheckinCode("K7QM3X")).toBe("K7Q-M3X");
    expect(normalizeCheckinCode(" k7q-m3x ")).toBe("K7QM3X");
    expect(normalizeCheckinCode("1O0-IL1")).toBe("100111");
  });
});

describe("scan times", () => {
  const received = new Date("2024-01-18T01:10:00Z");

  it("dates a live scan when it arrives, whatever the device clock says", () => {
    expect(effectiveScanTime(new Date("2024-01-18T01:09:58Z"), received)).toEqual(received);
    expect(effectiveScanTime(new Date("2024-01-18T01:30:00Z"), received)).toEqual(received); // clock ahead
  });

  it("keeps the age of a scan that waited offline, measured on the device's own clock", () => {
    // Device clock 3 minutes slow: scanned at 00:57 device time, sent at 01:07 device time → 10 minutes old.
    const t = effectiveScanTime(new Date("2024-01-18T00:57:00Z"), received, new Date("2024-01-18T01:07:00Z"));
    expect(t.toISOString()).toBe("2024-01-18T01:00:00.000Z");
    expect(effectiveScanTime(new Date("2024-01-18T01:00:00Z"), received).toISOString()).toBe(
      "2024-01-18T01:00:00.000Z",
    );
  });

  it("never dates an offline scan before the credential it came with was issued", () => {
    const issued = new Date("2024-01-18T00:30:00Z");
    // Claims to have been scanned years ago, offline: dated when the credential was issued.
    expect(effectiveScanTime(new Date("2019-01-01T00:00:00Z"), received, null, issued)).toEqual(issued);
    expect(
      effectiveScanTime(new Date("2019-01-01T00:00:00Z"), received, new Date("2024-01-18T01:09:00Z"), issued),
    ).toEqual(issued);
    // A genuine offline scan after the issue keeps its age.
    expect(effectiveScanTime(new Date("2024-01-18T00:50:00Z"), received, null, issued).toISOString()).toBe(
      "2024-01-18T00:50:00.000Z",
    );
  });

  it("prints times in Asia/Ho_Chi_Minh", () => {
    expect(formatScanTime("2024-01-18T01:05:00.000Z")).toBe("lúc 08:05 ngày 18/01/2024");
    expect(formatScanTime("2023-12-31T17:30:00+00:00")).toBe("lúc 00:30 ngày 01/01/2024");
  });
});

describe("parseCheckinBody", () => {
  const ok = { token: "t", deviceId: "d", nonce: "n", scannedAt: "2024-01-18T08:00:00+07:00" };

  it("accepts a scan or a pick by name", () => {
    expect(parseCheckinBody(ok)).toMatchObject({ ok: true, value: { token: "t", deviceId: "d", nonce: "n" } });
    const byId = parseCheckinBody({ attendeeId: "a1", deviceId: "d", nonce: "n", scannedAt: "2024-01-18T01:00:00Z" });
    expect(byId).toMatchObject({ ok: true, value: { attendeeId: "a1" } });
  });

  it.each([
    [{ ...ok, token: 5 }, "token"],
    [{ deviceId: "d", nonce: "n", scannedAt: ok.scannedAt }, "token"],
    [{ attendeeId: "", deviceId: "d", nonce: "n", scannedAt: ok.scannedAt }, "attendeeId"],
    [{ ...ok, deviceId: " " }, "deviceId"],
    [{ ...ok, nonce: "" }, "nonce"],
    [{ ...ok, nonce: "x".repeat(101) }, "nonce"],
    [{ ...ok, scannedAt: "18/01/2024 08:00" }, "scannedAt"],
    [{ ...ok, scannedAt: "2024-13-45T99:00:00Z" }, "scannedAt"],
    [{ ...ok, sentAt: "yesterday" }, "sentAt"],
  ])("names the bad field: %j → %s", (body, field) => {
    const r = parseCheckinBody(body);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.answer.status).toBe(400);
      expect(r.answer.body).toMatchObject({ field });
    }
  });

  it("refuses what is not an object", () => {
    for (const v of [null, [], "x", 3]) expect(parseCheckinBody(v).ok).toBe(false);
  });
});
