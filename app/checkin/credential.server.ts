// Scanner credentials: what a check-in device sends as `Authorization: Bearer …` to POST /api/checkin.
//
// Issued by the scanner page after the signed-in user's access to the conference and list was checked:
// an HMAC over {conference, list, user, expiry, session, issue time}. The signature alone is checked on
// every scan (no database read); scanner-auth.server.ts then re-checks, at most every few seconds per
// credential, that the session still exists and the user still holds the capability, so a credential
// ends within seconds of logout, locking or a role change instead of living out its day. It outlives
// a network outage (offline scans sync with it later) but not a day.

import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "#app/env.server.ts";
import { sessionStorage } from "#app/auth/session.server.ts";

export const CREDENTIAL_TTL_MS = 24 * 60 * 60 * 1000;

export interface ScannerCredential {
  conferenceId: string;
  listId: string | null;
  userId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** The sign-in session that asked for it: logging out of it ends the credential. */
  sessionId: string;
  /** Epoch milliseconds. Offline scans cannot be dated before it; a role change after it ends the credential. */
  issuedAt: number;
}

const keyCache = new Map<string, Buffer>();

function credentialKey(secret: string): Buffer {
  let key = keyCache.get(secret);
  if (!key) {
    // v2: bound to a session. Credentials of v1 (no session) no longer verify.
    key = Buffer.from(
      hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.alloc(0), "hoinghi scanner credential v2", 32),
    );
    keyCache.set(secret, key);
  }
  return key;
}

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", credentialKey(secret)).update(payload).digest();
}

export function encodeScannerCredential(secret: string, c: ScannerCredential): string {
  const payload = Buffer.from(
    JSON.stringify([c.conferenceId, c.listId, c.userId, c.expiresAt, c.sessionId, c.issuedAt]),
    "utf8",
  ).toString("base64url");
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

/** The credential's claims, or null when it is malformed, forged or expired. Never throws. */
export function decodeScannerCredential(secret: string, text: string, now = Date.now()): ScannerCredential | null {
  if (typeof text !== "string" || text.length > 600) return null;
  const dot = text.indexOf(".");
  if (dot <= 0) return null;
  const payload = text.slice(0, dot);
  const given = Buffer.from(text.slice(dot + 1), "base64url");
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const [conferenceId, listId, userId, expiresAt, sessionId, issuedAt] = JSON.parse(
      Buffer.from(payload, "base64url").toString("utf8"),
    ) as unknown[];
    if (typeof conferenceId !== "string" || typeof userId !== "string" || typeof expiresAt !== "number") return null;
    if (typeof sessionId !== "string" || sessionId.length === 0 || typeof issuedAt !== "number") return null;
    if (listId !== null && typeof listId !== "string") return null;
    if (expiresAt <= now) return null;
    return { conferenceId, listId, userId, expiresAt, sessionId, issuedAt };
  } catch {
    return null;
  }
}

export function issueScannerCredential(
  c: { conferenceId: string; listId: string | null; userId: string; sessionId: string },
  now = Date.now(),
): string {
  return encodeScannerCredential(env().SESSION_SECRET, { ...c, issuedAt: now, expiresAt: now + CREDENTIAL_TTL_MS });
}

export function verifyScannerCredential(text: string, now = Date.now()): ScannerCredential | null {
  return decodeScannerCredential(env().SESSION_SECRET, text, now);
}

/**
 * The id of the sign-in session the request carries (the cookie is signed, so it cannot be made up).
 * Read here rather than in session.server.ts, which does not export it; "sessionId" is the key that
 * createUserSession stores.
 */
export async function requestSessionId(request: Request): Promise<string | null> {
  const session = await sessionStorage.getSession(request.headers.get("Cookie"));
  const id = session.get("sessionId");
  return typeof id === "string" && id ? id : null;
}
