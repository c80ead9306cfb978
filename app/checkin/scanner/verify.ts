// Offline verification of invitation tokens in the browser (WebCrypto Ed25519), so a scanner keeps
// admitting people when the network is down. Same rules as app/invitations/tokens.server.ts `verifyToken`:
// base64url(payload: version 1 + 8-byte conference key + 16-byte invitation key) "." base64url(signature).
// The scanner page gives only the public key, this conference's key and the revoked invitation keys.

import type { RejectReason } from "#app/checkin/types.ts";

const TOKEN_VERSION = 1;
const CONFERENCE_KEY_BYTES = 8;
const PAYLOAD_BYTES = 25;
const SIGNATURE_BYTES = 64;
const B64URL = /^[A-Za-z0-9_-]+$/;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * `unchecked`: the browser has no WebCrypto (a page served over plain http to another machine is not a
 * secure context), so the signature could not be checked here; the server checks it when the scan syncs.
 */
export type LocalVerdict = { ok: true; invitationKey: string; unchecked?: true } | { ok: false; reason: RejectReason };

export interface LocalVerifier {
  verify(token: string): Promise<LocalVerdict>;
  /** Invitations revoked since the page was opened (substitutes sent during the day). */
  setRevoked(keys: readonly string[]): void;
}

export interface VerifierKeys {
  /** base64url of the 32-byte Ed25519 public key. */
  publicKey: string;
  /** base64url of this conference's 8-byte key. */
  conferenceKey: string;
  /** Invitation keys (base64url) of revoked invitations of this conference. */
  revokedKeys: readonly string[];
}

export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> | null {
  if (!B64URL.test(text) || text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let value = 0;
  let bits = 0;
  let i = 0;
  for (const ch of text) {
    value = (value << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      out[i++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  // Canonical only: the leftover padding bits must be zero (one invitation, one token string).
  if (value !== 0) return null;
  return out;
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let out = "";
  let value = 0;
  let bits = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      out += ALPHABET[(value >>> (bits - 6)) & 63];
      bits -= 6;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (6 - bits)) & 63];
  return out;
}

/** The invitation key inside a token, or null for anything that is not a well-formed token. */
export function invitationKeyOf(token: string): string | null {
  const dot = token.indexOf(".");
  if (dot < 0) return null;
  const payload = base64UrlDecode(token.slice(0, dot));
  if (!payload || payload.length !== PAYLOAD_BYTES) return null;
  return base64UrlEncode(payload.subarray(1 + CONFERENCE_KEY_BYTES));
}

export function createLocalVerifier(
  keys: VerifierKeys,
  subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null,
): LocalVerifier {
  let revoked = new Set(keys.revokedKeys);
  const conferenceKey = keys.conferenceKey;
  let keyPromise: Promise<CryptoKey> | null = null;
  const publicKey = () => {
    if (!keyPromise) {
      const raw = base64UrlDecode(keys.publicKey);
      if (!raw || raw.length !== 32) throw new Error("scanner: bad public key");
      keyPromise = subtle!.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
    }
    return keyPromise;
  };
  return {
    setRevoked(next) {
      revoked = new Set(next);
    },
    async verify(token) {
      try {
        if (typeof token !== "string" || token.length > 500) return { ok: false, reason: "malformed" };
        const dot = token.indexOf(".");
        if (dot < 0 || token.indexOf(".", dot + 1) >= 0) return { ok: false, reason: "malformed" };
        const payload = base64UrlDecode(token.slice(0, dot));
        if (!payload || payload.length < 1) return { ok: false, reason: "malformed" };
        if (payload[0] !== TOKEN_VERSION) return { ok: false, reason: "unknown-version" };
        if (payload.length !== PAYLOAD_BYTES) return { ok: false, reason: "malformed" };
        const signature = base64UrlDecode(token.slice(dot + 1));
        if (!signature || signature.length !== SIGNATURE_BYTES) return { ok: false, reason: "malformed" };
        if (subtle) {
          const valid = await subtle.verify({ name: "Ed25519" }, await publicKey(), signature, payload);
          if (!valid) return { ok: false, reason: "bad-signature" };
        }
        if (base64UrlEncode(payload.subarray(1, 1 + CONFERENCE_KEY_BYTES)) !== conferenceKey)
          return { ok: false, reason: "other-conference" };
        const invitationKey = base64UrlEncode(payload.subarray(1 + CONFERENCE_KEY_BYTES));
        if (revoked.has(invitationKey)) return { ok: false, reason: "revoked" };
        return subtle ? { ok: true, invitationKey } : { ok: true, invitationKey, unchecked: true };
      } catch {
        return { ok: false, reason: "malformed" };
      }
    },
  };
}
