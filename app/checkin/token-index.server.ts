// Recognising a genuine invitation.
//
// A token is genuine when its Ed25519 signature verifies (~100 µs, the largest single cost of a scan) —
// or when it is exactly a token this server issued and stored. After the first genuine scan of a
// conference, the conference's issued tokens are indexed in memory (token → invitation key), so
// later genuine scans skip the signature. Anything not in the index is signature-checked, so a forged
// or tampered token is always refused by the signature and never reaches the database.
//
// Several instances on one database: the index only maps a token to its invitation key, which never
// changes once issued (a token is signed and stored with its attendee), so an instance's index cannot go
// stale; a token it has not seen is verified by its signature. Revocation, deletion and the conference's
// status are read from the rows on every scan, never from here.

import type { KeyObject } from "node:crypto";
import type { RejectReason } from "#app/checkin/types.ts";
import { env } from "#app/env.server.ts";
import {
  conferenceKeyFor,
  conferenceKeyString,
  deriveSigningKeys,
  verifyToken,
} from "#app/invitations/tokens.server.ts";

export type VerifiedToken =
  { ok: true; conferenceKey: string; invitationKey: string } | { ok: false; reason: RejectReason };

const TOKEN_INDEX_LIMIT = 500_000;
const conferenceKeys = new Map<string, string>();
let publicKey: { secret: string; key: KeyObject } | undefined;

function verifySignature(token: string): VerifiedToken {
  const secret = env().SESSION_SECRET;
  if (publicKey?.secret !== secret) publicKey = { secret, key: deriveSigningKeys(secret).publicKey };
  const r = verifyToken(publicKey.key, token);
  return r.ok
    ? { ok: true, conferenceKey: conferenceKeyString(r.conferenceKey), invitationKey: r.invitationKey }
    : { ok: false, reason: r.reason };
}

/** Issued tokens of the conferences scanned so far, per process (and per SQLite file). */
export interface TokenIndex {
  index: Map<string, Map<string, string>>;
  count: number;
  /** PostgreSQL: conferences whose tokens are being read (the first scans are verified by signature meanwhile). */
  loading?: Set<string>;
}

export type IssuedTokens = Iterable<{ token: string; invitationKey: string }>;

/**
 * `load` reads the conference's issued tokens: synchronously on SQLite (the index is ready for the next
 * scan), or as a promise on PostgreSQL (the scans meanwhile are verified by signature, never held up).
 */
export function recogniseToken(
  tokens: TokenIndex,
  token: string,
  conferenceId: string,
  load: (conferenceId: string) => IssuedTokens | Promise<IssuedTokens>,
): VerifiedToken {
  const index = tokens.index.get(conferenceId);
  const known = index?.get(token);
  if (known !== undefined) return { ok: true, conferenceKey: conferenceKeyOf(conferenceId), invitationKey: known };
  const v = verifySignature(token);
  if (!v.ok || v.conferenceKey !== conferenceKeyOf(conferenceId)) return v;
  if (index) {
    // Issued after the index was built (a substitute, a walk-in): remember it too.
    index.set(token, v.invitationKey);
    tokens.count++;
  } else {
    const rows = tokens.loading?.has(conferenceId) ? [] : load(conferenceId);
    if (rows instanceof Promise) {
      const loading = (tokens.loading ??= new Set());
      loading.add(conferenceId);
      rows.then(
        (r) => {
          loading.delete(conferenceId);
          fillIndex(tokens, conferenceId, r);
        },
        // Not an answer: a later scan reads them again.
        () => loading.delete(conferenceId),
      );
    } else if (!tokens.loading?.has(conferenceId)) {
      fillIndex(tokens, conferenceId, rows, [token, v.invitationKey]);
    }
  }
  return v;
}

function fillIndex(tokens: TokenIndex, conferenceId: string, rows: IssuedTokens, extra?: [string, string]): void {
  if (tokens.count >= TOKEN_INDEX_LIMIT) {
    tokens.index.clear();
    tokens.count = 0;
  }
  const fresh = new Map<string, string>();
  for (const row of rows) fresh.set(row.token, row.invitationKey);
  if (extra) fresh.set(extra[0], extra[1]);
  const old = tokens.index.get(conferenceId);
  if (old) {
    // Tokens remembered while the rows were being read (PostgreSQL).
    for (const [t, k] of old) fresh.set(t, k);
    tokens.count -= old.size;
  }
  tokens.index.set(conferenceId, fresh);
  tokens.count += fresh.size;
}

export function conferenceKeyOf(conferenceId: string): string {
  let key = conferenceKeys.get(conferenceId);
  if (!key) {
    key = conferenceKeyString(conferenceKeyFor(conferenceId));
    conferenceKeys.set(conferenceId, key);
  }
  return key;
}
