// Personal invitation tokens (RSVP links, QR codes, check-in).
//
// A token is `base64url(payload) + "." + base64url(signature)`:
//   payload   = 1 version byte (1) + 8 bytes conference key + 16 random bytes  (25 bytes → 34 chars)
//   signature = Ed25519 over the payload                                       (64 bytes → 86 chars)
// 121 characters in all, only [A-Za-z0-9_.-]: URL-safe with no escaping.
//
// Ed25519 (not an HMAC) so that a scanner can verify tokens offline with the public key only; the
// private key is derived from the app secret and never leaves the server.

import {
  createHash,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";

export const TOKEN_VERSION = 1;
export const CONFERENCE_KEY_BYTES = 8;
export const INVITATION_KEY_BYTES = 16;
export const PAYLOAD_BYTES = 1 + CONFERENCE_KEY_BYTES + INVITATION_KEY_BYTES; // 25
export const SIGNATURE_BYTES = 64;
/** Exact length of a version-1 token. */
export const TOKEN_LENGTH = b64Len(PAYLOAD_BYTES) + 1 + b64Len(SIGNATURE_BYTES); // 121

const HKDF_INFO = "hoinghi invitation tokens v1";
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The 32-byte Ed25519 public key, for the scanner (WebCrypto `importKey("raw", …, "Ed25519")`). */
  publicKeyRaw: Uint8Array;
}

export type VerifyResult =
  | { ok: true; conferenceKey: Uint8Array; invitationKey: string }
  | { ok: false; reason: "malformed" | "bad-signature" | "unknown-version" };

const keyCache = new Map<string, SigningKeys>();

/** Deterministic key pair from the app secret (HKDF-SHA256 → 32-byte seed → Ed25519). Cached per secret. */
export function deriveSigningKeys(secret: string): SigningKeys {
  const cached = keyCache.get(secret);
  if (cached) return cached;
  if (typeof secret !== "string" || secret.length === 0) throw new Error("deriveSigningKeys: empty secret");
  const seed = Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.alloc(0), HKDF_INFO, 32));
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: "der",
    type: "pkcs8",
  });
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ format: "der", type: "spki" });
  const publicKeyRaw = new Uint8Array(spki.subarray(spki.length - 32));
  const keys: SigningKeys = { privateKey, publicKey, publicKeyRaw };
  keyCache.set(secret, keys);
  return keys;
}

/** A KeyObject from the 32 raw public-key bytes (what the scanner and other verifiers are given). */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error("publicKeyFromRaw: an Ed25519 public key has 32 bytes");
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: "der", type: "spki" });
}

/** First 8 bytes of SHA-256 of the conference id. */
export function conferenceKeyFor(conferenceId: string): Uint8Array {
  return new Uint8Array(createHash("sha256").update(conferenceId, "utf8").digest().subarray(0, CONFERENCE_KEY_BYTES));
}

/** base64url form of a conference key, handy for comparing with `verifyToken(...).conferenceKey`. */
export function conferenceKeyString(conferenceKey: Uint8Array): string {
  return Buffer.from(conferenceKey).toString("base64url");
}

/** A fresh token for one invitation; `invitationKey` (22 chars) is unique and is what the DB stores. */
export function issueToken(keys: SigningKeys, conferenceKey: Uint8Array): { token: string; invitationKey: string } {
  if (conferenceKey.length !== CONFERENCE_KEY_BYTES) throw new Error("issueToken: the conference key has 8 bytes");
  const random = randomBytes(INVITATION_KEY_BYTES);
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload[0] = TOKEN_VERSION;
  payload.set(conferenceKey, 1);
  payload.set(random, 1 + CONFERENCE_KEY_BYTES);
  const signature = sign(null, payload, keys.privateKey);
  return {
    token: `${payload.toString("base64url")}.${signature.toString("base64url")}`,
    invitationKey: random.toString("base64url"),
  };
}

/**
 * Checks a token with the public key only (no database). Never throws.
 * Only canonical base64url of the exact lengths is accepted, so one invitation has one token string.
 */
export function verifyToken(publicKey: KeyObject, token: string): VerifyResult {
  try {
    if (typeof token !== "string" || token.length > 4 * TOKEN_LENGTH) return { ok: false, reason: "malformed" };
    const dot = token.indexOf(".");
    if (dot < 0 || token.indexOf(".", dot + 1) >= 0) return { ok: false, reason: "malformed" };
    const payload = decodeCanonical(token.slice(0, dot));
    if (!payload || payload.length < 1) return { ok: false, reason: "malformed" };
    if (payload[0] !== TOKEN_VERSION) return { ok: false, reason: "unknown-version" };
    if (payload.length !== PAYLOAD_BYTES) return { ok: false, reason: "malformed" };
    const signature = decodeCanonical(token.slice(dot + 1));
    if (!signature || signature.length !== SIGNATURE_BYTES) return { ok: false, reason: "malformed" };
    if (!verify(null, payload, publicKey, signature)) return { ok: false, reason: "bad-signature" };
    return {
      ok: true,
      conferenceKey: new Uint8Array(payload.subarray(1, 1 + CONFERENCE_KEY_BYTES)),
      invitationKey: payload.subarray(1 + CONFERENCE_KEY_BYTES).toString("base64url"),
    };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}

const B64URL = /^[A-Za-z0-9_-]+$/;

function decodeCanonical(text: string): Buffer | null {
  if (!B64URL.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, "base64url");
  // Reject encodings with non-zero padding bits: they decode to the same bytes.
  return bytes.toString("base64url") === text ? bytes : null;
}

function b64Len(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}
