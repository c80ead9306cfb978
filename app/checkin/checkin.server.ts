// Recording presence: the one function every check-in path goes through (QR scan, name search, walk-in,
// self check-in at a bridge point, roll call "present").
//
// It runs on its own better-sqlite3 connection with prepared statements rather than through Prisma:
// the door scanners are the one place where hundreds of requests a second arrive at once, and Prisma's
// per-query overhead (~1–2 ms) would cap the whole API near 500 req/s. Everything else keeps using
// Prisma on the same file (WAL lets both connections work side by side).
//
// The parts: store.server.ts (connection, statements), token-index.server.ts (genuine invitations),
// decision.server.ts (the decision and its writes), group-commit.server.ts (one commit for the scans that
// arrive together), marks.server.ts (roll-call marks that are not a check-in).

import { rejected, logScan, type Decision } from "#app/checkin/decision.server.ts";
import { enqueueScan, withBusyRetry } from "#app/checkin/group-commit.server.ts";
import type { CheckinInput } from "#app/checkin/scan-input.ts";
import { store } from "#app/checkin/store.server.ts";
import { conferenceKeyOf, recogniseToken } from "#app/checkin/token-index.server.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";

export type { CheckinAudit, CheckinInput } from "#app/checkin/scan-input.ts";

/**
 * Records one scan and answers it. Idempotent per (conference, credentialKey, deviceId, nonce): a retry
 * gets the first answer. Every scan is logged; an attendee is counted once; an accepted scan that changes
 * attendance writes its audit row in the same transaction. Forged or foreign tokens are refused before
 * any database read.
 */
export async function checkIn(input: CheckinInput): Promise<CheckinResponse> {
  const receivedAt = input.receivedAt ?? new Date();
  const st = store();
  let invitationKey: string | null = null;
  let refused: Decision | null = null;
  if (input.token !== undefined) {
    const v = recogniseToken(st, input.token, input.conferenceId);
    if (!v.ok) refused = { response: rejected(v.reason), attendeeId: null, conferenceId: input.conferenceId };
    else if (v.conferenceKey !== conferenceKeyOf(input.conferenceId)) {
      refused = { response: rejected("other-conference"), attendeeId: null, conferenceId: input.conferenceId };
    } else invitationKey = v.invitationKey;
  }
  if (refused) {
    const decided = refused;
    // Decided from the token alone: logged, and a retry (same nonce) is the same answer anyway.
    return withBusyRetry(() => {
      logScan(st.s.insertScanOrIgnore, input, decided, receivedAt);
      return decided.response;
    });
  }
  return enqueueScan(st, input, invitationKey, receivedAt);
}
