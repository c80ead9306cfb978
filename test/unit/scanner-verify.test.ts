import { describe, expect, it } from "vitest";
import { formatScanTime } from "#app/checkin/format.ts";
import { base64UrlDecode, base64UrlEncode, createLocalVerifier, invitationKeyOf } from "#app/checkin/scanner/verify.ts";
import {
  conferenceKeyFor,
  conferenceKeyString,
  deriveSigningKeys,
  issueToken,
} from "#app/invitations/tokens.server.ts";

const keys = deriveSigningKeys("scanner unit test secret");
const conferenceKey = conferenceKeyFor("conference-a");

function verifier(revokedKeys: string[] = []) {
  return createLocalVerifier({
    publicKey: Buffer.from(keys.publicKeyRaw).toString("base64url"),
    conferenceKey: conferenceKeyString(conferenceKey),
    revokedKeys,
  });
}

describe("offline token verification (WebCrypto Ed25519)", () => {
  it("accepts the server's tokens and finds their invitation key", async () => {
    const { token, invitationKey } = issueToken(keys, conferenceKey);
    expect(await verifier().verify(token)).toEqual({ ok: true, invitationKey });
    expect(invitationKeyOf(token)).toBe(invitationKey);
  });

  it("without WebCrypto (plain http to another machine) checks everything but the signature, and says so", async () => {
    const { token, invitationKey } = issueToken(keys, conferenceKey);
    const insecure = (revokedKeys: string[] = []) =>
      createLocalVerifier(
        {
          publicKey: Buffer.from(keys.publicKeyRaw).toString("base64url"),
          conferenceKey: conferenceKeyString(conferenceKey),
          revokedKeys,
        },
        null,
      );
    expect(await insecure().verify(token)).toEqual({ ok: true, invitationKey, unchecked: true });
    expect(await insecure([invitationKey]).verify(token)).toEqual({ ok: false, reason: "revoked" });
    expect(await insecure().verify(issueToken(keys, conferenceKeyFor("conference-b")).token)).toEqual({
      ok: false,
      reason: "other-conference",
    });
    expect(await insecure().verify("not a token")).toMatchObject({ ok: false });
  });

  it("refuses forged, foreign, revoked, unknown-version and non-canonical tokens as the server does", async () => {
    const { token, invitationKey } = issueToken(keys, conferenceKey);
    const [payload, signature] = token.split(".") as [string, string];
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    expect(await verifier().verify(`${payload}.${flipped}`)).toEqual({ ok: false, reason: "bad-signature" });
    const otherKeys = deriveSigningKeys("another secret");
    expect(await verifier().verify(issueToken(otherKeys, conferenceKey).token)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(await verifier().verify(issueToken(keys, conferenceKeyFor("conference-b")).token)).toEqual({
      ok: false,
      reason: "other-conference",
    });
    expect(await verifier([invitationKey]).verify(token)).toEqual({ ok: false, reason: "revoked" });
    const v2 = Buffer.from(payload, "base64url");
    v2[0] = 2;
    expect(await verifier().verify(`${v2.toString("base64url")}.${signature}`)).toEqual({
      ok: false,
      reason: "unknown-version",
    });
    // The last character of a 25-byte payload carries 2 padding bits: a different character, same bytes.
    const last = payload.at(-1)!;
    const alias = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last) + 1
    ]!;
    expect(await verifier().verify(`${payload.slice(0, -1)}${alias}.${signature}`)).toMatchObject({ ok: false });
    for (const junk of ["", "abc", "https://example.com/x", `${payload}.${signature}.x`, "é.é"]) {
      expect(await verifier().verify(junk)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("base64url round-trips", () => {
    for (let n = 1; n < 40; n++) {
      const bytes = new Uint8Array(Array.from({ length: n }, (_, i) => (i * 37 + n) & 255));
      const text = base64UrlEncode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64url"));
      expect(Array.from(base64UrlDecode(text)!)).toEqual(Array.from(bytes));
    }
  });
});

describe("scan times", () => {
  it("are written in Vietnam time", () => {
    expect(formatScanTime("2024-01-18T01:12:00Z")).toBe("lúc 08:12 ngày 18/01/2024");
    expect(formatScanTime("2024-01-17T17:05:00Z")).toBe("lúc 00:05 ngày 18/01/2024");
  });
});
