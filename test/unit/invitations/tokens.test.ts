import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  TOKEN_LENGTH,
  conferenceKeyFor,
  conferenceKeyString,
  deriveSigningKeys,
  issueToken,
  publicKeyFromRaw,
  verifyToken,
} from "#app/invitations/tokens.server.ts";

const SECRET = "test-secret-for-invitation-tokens-0123456789";
const keys = deriveSigningKeys(SECRET);
const confKey = conferenceKeyFor("conf_quang_nam_2024");

function flipBit(token: string, part: 0 | 1, byteIndex: number, bit: number): string {
  const parts = token.split(".");
  const bytes = Buffer.from(parts[part]!, "base64url");
  bytes[byteIndex]! ^= 1 << bit;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("invitation tokens", () => {
  it("derives the same keys from the same secret, cached, with a 32-byte raw public key", () => {
    expect(deriveSigningKeys(SECRET)).toBe(keys);
    expect(keys.publicKeyRaw).toBeInstanceOf(Uint8Array);
    expect(keys.publicKeyRaw.length).toBe(32);
    const other = deriveSigningKeys("another secret");
    expect(Buffer.from(other.publicKeyRaw).equals(Buffer.from(keys.publicKeyRaw))).toBe(false);
    // Deterministic across processes and releases: the key depends on the secret only (pinned value;
    // changing the derivation invalidates every QR code already sent).
    expect(Buffer.from(deriveSigningKeys("secret").publicKeyRaw).toString("hex")).toBe(
      "c9d84c4a7d86cb6b6133416225c82959d046c8061de3adc1018ecc78fbeb174a",
    );
  });

  it("round-trips: the verified token gives back the conference key and the invitation key", () => {
    const { token, invitationKey } = issueToken(keys, confKey);
    const result = verifyToken(keys.publicKey, token);
    expect(result).toEqual({ ok: true, conferenceKey: confKey, invitationKey });
    if (!result.ok) throw new Error("unreachable");
    expect(conferenceKeyString(result.conferenceKey)).toBe(
      conferenceKeyString(conferenceKeyFor("conf_quang_nam_2024")),
    );
    expect(Buffer.from(invitationKey, "base64url").length).toBe(16);
  });

  it("verifies with a public key rebuilt from the 32 raw bytes (what a scanner gets)", () => {
    const { token } = issueToken(keys, confKey);
    expect(verifyToken(publicKeyFromRaw(keys.publicKeyRaw), token).ok).toBe(true);
  });

  it("verifies in WebCrypto with the raw public key, as a browser does offline", async () => {
    const { token } = issueToken(keys, confKey);
    const [payload, signature] = token.split(".") as [string, string];
    const key = await webcrypto.subtle.importKey("raw", keys.publicKeyRaw, { name: "Ed25519" }, false, ["verify"]);
    const ok = await webcrypto.subtle.verify(
      "Ed25519",
      key,
      Buffer.from(signature, "base64url"),
      Buffer.from(payload, "base64url"),
    );
    expect(ok).toBe(true);
  });

  it("is URL-safe and short", () => {
    const { token } = issueToken(keys, confKey);
    console.log(`token length: ${token.length} characters, e.g. ${token}`);
    expect(token.length).toBe(TOKEN_LENGTH);
    expect(token.length).toBe(121);
    expect(token.length).toBeLessThanOrEqual(130);
    expect(token).toMatch(/^[A-Za-z0-9_-]{34}\.[A-Za-z0-9_-]{86}$/);
    expect(encodeURIComponent(token)).toBe(token);
  });

  it("rejects every flipped bit of the conference key, the random part and the signature", () => {
    const { token } = issueToken(keys, confKey);
    for (let byte = 1; byte < 25; byte++) {
      for (let bit = 0; bit < 8; bit++) {
        expect(verifyToken(keys.publicKey, flipBit(token, 0, byte, bit))).toEqual({
          ok: false,
          reason: "bad-signature",
        });
      }
    }
    for (let byte = 0; byte < 64; byte++) {
      for (let bit = 0; bit < 8; bit += 3) {
        const r = verifyToken(keys.publicKey, flipBit(token, 1, byte, bit));
        expect(r.ok).toBe(false);
      }
    }
    // Ed25519 rejects these as bad signatures, except where the flip breaks the encoding of S
    // (which is still a rejection).
    expect(verifyToken(keys.publicKey, flipBit(token, 1, 0, 0))).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyToken(keys.publicKey, flipBit(token, 1, 40, 5))).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("reports another version byte as unknown-version", () => {
    const { token } = issueToken(keys, confKey);
    expect(verifyToken(keys.publicKey, flipBit(token, 0, 0, 1))).toEqual({ ok: false, reason: "unknown-version" });
  });

  it("rejects a token signed with another secret as bad-signature", () => {
    const foreign = issueToken(deriveSigningKeys("someone else's secret"), confKey).token;
    expect(verifyToken(keys.publicKey, foreign)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("rejects truncated, padded, non-canonical and garbage input as malformed, without throwing", () => {
    const { token } = issueToken(keys, confKey);
    const [payload, signature] = token.split(".") as [string, string];
    const malformed = [
      "",
      ".",
      "abc",
      token.slice(0, -1),
      token.slice(1),
      token + "A",
      `${payload}.${signature}.x`,
      `${payload}${signature}`,
      `${payload}=.${signature}`,
      `${payload}.${signature}==`,
      `${payload.slice(0, -4)}.${signature}`,
      `${payload}AAAA.${signature}`,
      `${payload}.${signature.slice(0, -2)}`,
      `${payload}.${signature}AAAA`,
      `${payload.slice(0, -1)}+.${signature}`,
      `${payload}.${signature.slice(0, -1)}/`,
      `${payload} .${signature}`,
      "x".repeat(10_000),
      "💥".repeat(40) + "." + "💥".repeat(40),
    ];
    for (const t of malformed) expect(verifyToken(keys.publicKey, t), t).toEqual({ ok: false, reason: "malformed" });
    // The last character of each part carries padding bits: changing only those is not a second spelling of
    // the same token.
    const lastP = payload.at(-1)!;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const sibling = alphabet[alphabet.indexOf(lastP) ^ 1]!;
    expect(verifyToken(keys.publicKey, `${payload.slice(0, -1)}${sibling}.${signature}`)).toEqual({
      ok: false,
      reason: "malformed",
    });
    for (const bad of [null, undefined, 42, {}] as unknown[]) {
      expect(verifyToken(keys.publicKey, bad as string)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("gives 1,000 tokens 1,000 distinct invitation keys and token strings", () => {
    const tokens = new Set<string>();
    const invitationKeys = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const { token, invitationKey } = issueToken(keys, confKey);
      tokens.add(token);
      invitationKeys.add(invitationKey);
    }
    expect(tokens.size).toBe(1000);
    expect(invitationKeys.size).toBe(1000);
  });

  it("keeps conferences apart by the first 8 bytes of SHA-256 of the id", () => {
    const a = conferenceKeyFor("conf-a");
    expect(a.length).toBe(8);
    expect(conferenceKeyString(a)).not.toBe(conferenceKeyString(conferenceKeyFor("conf-b")));
    const { token } = issueToken(keys, a);
    const r = verifyToken(keys.publicKey, token);
    expect(r.ok && conferenceKeyString(r.conferenceKey)).toBe(conferenceKeyString(a));
    expect(() => issueToken(keys, new Uint8Array(7))).toThrow();
  });

  it("verifies fast enough for the check-in route", () => {
    const tokens = Array.from({ length: 2000 }, () => issueToken(keys, confKey).token);
    const t0 = performance.now();
    for (const t of tokens) verifyToken(keys.publicKey, t);
    const perSecond = Math.round(tokens.length / ((performance.now() - t0) / 1000));
    console.log(`verifyToken: ${perSecond} tokens/s on one core`);
    expect(perSecond).toBeGreaterThan(1000);
  });
});
