import { env } from "#app/env.server.ts";
import { conferenceKeyFor, deriveSigningKeys, issueToken } from "#app/invitations/tokens.server.ts";

/** The app's invitation signing keys, derived from SESSION_SECRET. */
export function signingKeys() {
  return deriveSigningKeys(env().SESSION_SECRET);
}

/** A fresh personal token (and the invitation key the database stores) for an attendee of this conference. */
export function newToken(conferenceId: string) {
  return issueToken(signingKeys(), conferenceKeyFor(conferenceId));
}
