// Recording presence: the one function every check-in path goes through (QR scan, name search, walk-in,
// self check-in at a bridge point, roll call "present").
//
// It runs on its own better-sqlite3 connection with prepared statements rather than through Prisma:
// the door scanners are the one place where hundreds of requests a second arrive at once, and Prisma's
// per-query overhead (~1–2 ms) would cap the whole API near 500 req/s. Everything else keeps using
// Prisma on the same file (WAL lets both connections work side by side).
//
// On PostgreSQL (DATABASE_URL=postgresql://…, possibly several app instances on one database) the same
// decision runs in one transaction per scan on the process's pg pool, serialised per attendee by a row
// lock and made idempotent by the scan log's unique key (pg-store.server.ts).
//
// The parts: rows.server.ts (what is read and written), decision.server.ts (the decision, a pure function
// of the rows), store.server.ts (SQLite connection, statements), group-commit.server.ts (one SQLite commit
// for the scans that arrive together), pg-store.server.ts (PostgreSQL), token-index.server.ts (genuine
// invitations), marks.server.ts (roll-call marks that are not a check-in).

import { rejected, type Decision } from "#app/checkin/decision.server.ts";
import { enqueueScan, withBusyRetry } from "#app/checkin/group-commit.server.ts";
import { checkInPg, issuedTokensPg, logRefusedPg, pgStore } from "#app/checkin/pg-store.server.ts";
import type { CheckinInput } from "#app/checkin/scan-input.ts";
import { logScan, store } from "#app/checkin/store.server.ts";
import { conferenceKeyOf, recogniseToken, type TokenIndex } from "#app/checkin/token-index.server.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";
import { env, isPostgresUrl } from "#app/env.server.ts";
import { counter } from "#app/lib/metrics.server.ts";

// Every answer, by result (accepted, duplicate, rejected), the refusal's reason and the way in (SCAN,
// MANUAL, SELF, WALK_IN, ROLL_CALL); a retry with the same nonce is counted again, as it is answered again.
const answers = counter({
  name: "hoinghi_checkins_total",
  help: "Check-in answers by result, refusal reason and method",
  labelNames: ["result", "reason", "method"] as const,
});

export type { CheckinAudit, CheckinInput } from "#app/checkin/scan-input.ts";

/** The invitation key of a genuine token of this conference, or the refusal decided from the token alone. */
function fromToken(
  tokens: TokenIndex,
  input: CheckinInput,
  load: Parameters<typeof recogniseToken>[3],
): { invitationKey: string | null; refused: Decision | null } {
  if (input.token === undefined) return { invitationKey: null, refused: null };
  const v = recogniseToken(tokens, input.token, input.conferenceId, load);
  const refuse = (reason: Parameters<typeof rejected>[0]) => ({
    invitationKey: null,
    refused: { response: rejected(reason), attendeeId: null, conferenceId: input.conferenceId },
  });
  if (!v.ok) return refuse(v.reason);
  if (v.conferenceKey !== conferenceKeyOf(input.conferenceId)) return refuse("other-conference");
  return { invitationKey: v.invitationKey, refused: null };
}

/**
 * Records one scan and answers it. Idempotent per (conference, credentialKey, deviceId, nonce): a retry
 * gets the first answer. Every scan is logged; an attendee is counted once; an accepted scan that changes
 * attendance writes its audit row in the same transaction. Forged or foreign tokens are refused before
 * any database read.
 */
export async function checkIn(input: CheckinInput): Promise<CheckinResponse> {
  const response = await record(input);
  answers.inc({
    result: response.result,
    reason: response.result === "rejected" ? response.reason : "",
    method: input.method,
  });
  return response;
}

async function record(input: CheckinInput): Promise<CheckinResponse> {
  const receivedAt = input.receivedAt ?? new Date();
  const url = env().DATABASE_URL;
  if (isPostgresUrl(url)) {
    const pst = pgStore(url);
    const { invitationKey, refused } = fromToken(pst.tokens, input, (id) => issuedTokensPg(pst, id));
    if (refused) return logRefusedPg(pst, input, refused, receivedAt);
    return checkInPg(pst, input, invitationKey, receivedAt);
  }
  const st = store();
  const { invitationKey, refused } = fromToken(st.tokens, input, (id) => st.s.issuedTokens.iterate(id));
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
