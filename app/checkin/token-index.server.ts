// Recognising a genuine invitation.
//
// A token is genuine when its Ed25519 signature verifies (~100 µs, the largest single cost of a scan) —
// or when it is exactly a token this server issued and stored. After the first genuine scan of a
// conference, the conference's issued tokens are indexed in memory (token → invitation key), so
// later genuine scans skip the signature. Anything not in the index is signature-checked, so a forged
// or tampered token is always refused by the signature and never reaches the database.

import type { KeyObject } from "node:crypto";
import type { RejectReason } from "#app/checkin/types.ts";
import type { Store } from "#app/checkin/store.server.ts";
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

export function recogniseToken(st: Store, token: string, conferenceId: string): VerifiedToken {
  const tokens = st.tokens;
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
    if (tokens.count >= TOKEN_INDEX_LIMIT) {
      tokens.index.clear();
      tokens.count = 0;
    }
    const fresh = new Map<string, string>();
    for (const row of st.s.issuedTokens.iterate(conferenceId)) fresh.set(row.token, row.invitationKey);
    fresh.set(token, v.invitationKey);
    tokens.index.set(conferenceId, fresh);
    tokens.count += fresh.size;
  }
  return v;
}

export function conferenceKeyOf(conferenceId: string): string {
  let key = conferenceKeys.get(conferenceId);
  if (!key) {
    key = conferenceKeyString(conferenceKeyFor(conferenceId));
    conferenceKeys.set(conferenceId, key);
  }
  return key;
}
