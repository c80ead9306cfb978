// Self check-in at a bridge point (/d/:posterKey): the attendee types the short code from the invitation or
// finds their name among this bridge's attendees, confirms, and is recorded present online at the bridge.
// The page is public (a QR poster on the wall), so it answers only about this bridge's own attendees and
// failed lookups are throttled per client address and per poster (guessing codes across a conference was
// 81 tries a second).
import crypto from "node:crypto";
import type { AuditActor } from "#app/database/audit.server.ts";
import { checkIn } from "#app/checkin/checkin.server.ts";
import { checkinCode, normalizeCheckinCode } from "#app/invitations/checkin-code.ts";
import { REJECT_MESSAGE, type CheckinResponse } from "#app/checkin/types.ts";
import { prisma } from "#app/database/db.server.ts";
import { instantOf, readRows, timeText } from "#app/database/raw-read.server.ts";
import { blockedFor, recordFailure, waitText, type RateRule } from "#app/database/rate-limit.server.ts";
import { matchByName } from "#app/attendance/summary.ts";

export interface SelfCheckinBridge {
  id: string;
  name: string;
  address: string;
  conference: { id: string; title: string; status: string; startsAt: Date | null };
}

const POSTER_BRIDGE_SQL = () => `SELECT b."id", b."name", b."address", c."id" AS "conferenceId", c."title", c."status",
    ${timeText('c."startsAt"')} AS "startsAt"
  FROM "BridgePoint" b JOIN "Conference" c ON c."id" = b."conferenceId" WHERE b."posterKey" = ?`;

/**
 * The bridge point of a poster key; null for anything that is not one (checked by shape before any lookup).
 * Raw SQL: a poster's page is opened by everyone at the bridge within minutes (the edge answers it).
 */
export async function bridgeByPosterKey(key: string | undefined): Promise<SelfCheckinBridge | null> {
  if (!key || !/^[A-Za-z0-9_-]{16,64}$/.test(key)) return null;
  const [b] = await readRows<Record<string, string>>(POSTER_BRIDGE_SQL(), [key]);
  if (!b) return null;
  return {
    id: b.id!,
    name: b.name!,
    address: b.address!,
    conference: { id: b.conferenceId!, title: b.title!, status: b.status!, startsAt: instantOf(b.startsAt) },
  };
}

export interface Candidate {
  id: string;
  name: string;
  position: string;
  organizationName: string;
}

export type CodeLookup =
  | { kind: "found"; candidates: Candidate[] }
  | { kind: "revoked"; message: string }
  | { kind: "error"; message: string };

const CODE_SHAPE = /^[0-9A-HJKMNP-TV-Z]{6}$/;

// Codes of a conference's attendees, computed once per set of attendees (a conference can have thousands).
const codeCache = new Map<
  string,
  {
    stamp: string;
    rows: Array<
      Candidate & { code: string; bridgePointId: string | null; revoked: boolean; substitute: string | null }
    >;
  }
>();

async function attendeesWithCodes(conferenceId: string) {
  const stamp = await prisma.attendee.aggregate({
    where: { conferenceId },
    _count: true,
    _max: { createdAt: true, respondedAt: true, revokedAt: true },
  });
  const key = `${stamp._count}|${stamp._max.createdAt?.getTime()}|${stamp._max.respondedAt?.getTime()}|${stamp._max.revokedAt?.getTime()}`;
  const cached = codeCache.get(conferenceId);
  if (cached && cached.stamp === key) return cached.rows;
  // The latest substitute of each attendee, read on its own: a relation load would bind every attendee's id
  // (more than a statement may bind at 100,000 attendees).
  const substitutes = await prisma.attendee.findMany({
    where: { conferenceId, substituteForId: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { substituteForId: true, name: true },
  });
  const latestSubstitute = new Map(substitutes.map((s) => [s.substituteForId, s.name]));
  const rows = (
    await prisma.attendee.findMany({
      where: { conferenceId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        position: true,
        organizationName: true,
        invitationKey: true,
        bridgePointId: true,
        revokedAt: true,
      },
    })
  ).map((a) => ({
    id: a.id,
    name: a.name,
    position: a.position,
    organizationName: a.organizationName,
    code: checkinCode(a.invitationKey),
    bridgePointId: a.bridgePointId,
    revoked: !!a.revokedAt,
    substitute: latestSubstitute.get(a.id) ?? null,
  }));
  if (codeCache.size > 50) codeCache.clear();
  codeCache.set(conferenceId, { stamp: key, rows });
  return rows;
}

/**
 * This bridge's attendees whose invitation carries the typed code (a code is 6 characters out of 30 bits:
 * two people of a conference may share one; the attendee then picks their name). Attendees of other
 * bridge points are not found, and not told apart from a wrong code.
 */
export async function lookupCode(bridge: SelfCheckinBridge, typed: string): Promise<CodeLookup> {
  const code = normalizeCheckinCode(typed);
  if (!code) return { kind: "error", message: "Nhập mã điểm danh in trên giấy mời (6 ký tự, ví dụ K7Q-M3X)." };
  if (!CODE_SHAPE.test(code))
    return { kind: "error", message: "Mã điểm danh gồm 6 chữ và số, ví dụ K7Q-M3X. Vui lòng kiểm tra lại." };
  const here = (await attendeesWithCodes(bridge.conference.id)).filter(
    (a) => a.code === code && a.bridgePointId === bridge.id,
  );
  const valid = here.filter((a) => !a.revoked);
  if (valid.length === 0) {
    const revoked = here[0];
    if (revoked) {
      return {
        kind: "revoked",
        message: revoked.substitute
          ? `${REJECT_MESSAGE.revoked.slice(0, -1)}: ${revoked.substitute}.`
          : REJECT_MESSAGE.revoked,
      };
    }
    return {
      kind: "error",
      message:
        "Không tìm thấy đại biểu có mã điểm danh này tại điểm cầu. Vui lòng kiểm tra lại mã hoặc tìm theo họ tên.",
    };
  }
  return {
    kind: "found",
    candidates: valid.map(({ id, name, position, organizationName }) => ({ id, name, position, organizationName })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Throttling. A poster hangs in a room where dozens of people share one Wi-Fi address and make honest
// typos, so the limits leave room for that; a guesser still gets a few dozen tries per quarter hour, against
// codes of 30 bits of which only this bridge's attendees' would answer.

export const SELF_CHECKIN_LIMITS: { ip: RateRule; poster: RateRule } = {
  ip: { limit: 20, windowMs: 10 * 60_000, blockMs: 10 * 60_000 },
  poster: { limit: 60, windowMs: 10 * 60_000, blockMs: 5 * 60_000 },
};

function limitKeys(bridge: SelfCheckinBridge, ip: string | null): Array<{ key: string; rule: RateRule }> {
  return [
    ...(ip ? [{ key: `self-checkin:ip:${ip}`, rule: SELF_CHECKIN_LIMITS.ip }] : []),
    { key: `self-checkin:poster:${bridge.id}`, rule: SELF_CHECKIN_LIMITS.poster },
  ];
}

/** The refusal to show while this client or poster is blocked, or null when lookups may go ahead. */
export async function lookupThrottled(bridge: SelfCheckinBridge, ip: string | null): Promise<string | null> {
  let wait = 0;
  for (const { key } of limitKeys(bridge, ip)) wait = Math.max(wait, await blockedFor(key));
  return wait > 0 ? throttledMessage(wait) : null;
}

/**
 * Counts one failed lookup (wrong code, no name found, another bridge's attendee); returns the refusal
 * once blocked.
 */
export async function lookupFailed(bridge: SelfCheckinBridge, ip: string | null): Promise<string | null> {
  let wait = 0;
  for (const { key, rule } of limitKeys(bridge, ip)) wait = Math.max(wait, await recordFailure(key, rule));
  return wait > 0 ? throttledMessage(wait) : null;
}

function throttledMessage(ms: number): string {
  return `Nhập sai quá nhiều lần. Vui lòng thử lại sau ${waitText(ms)}, hoặc nhờ cán bộ điểm cầu điểm danh giúp.`;
}

/** At most 5 of this bridge's attendees whose name contains the typed text (diacritics ignored), from 3 letters. */
export async function searchBridgeAttendees(bridge: SelfCheckinBridge, query: string): Promise<Candidate[]> {
  if (query.trim().length === 0) return [];
  const people = await prisma.attendee.findMany({
    where: { bridgePointId: bridge.id, conferenceId: bridge.conference.id, revokedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, position: true, organizationName: true },
  });
  return matchByName(people, query.slice(0, 100));
}

/** Who the audit trail names for a self check-in at this bridge's poster. */
export function posterActor(bridge: SelfCheckinBridge, ip: string | null): AuditActor {
  return { kind: "POSTER", userId: null, label: `${bridge.name} (tự điểm danh)`, ip };
}

/**
 * Records the attendee present online at the bridge (method SELF): only an attendee assigned to this
 * bridge point; anyone else is refused without their name. Idempotent per device and nonce.
 */
export async function selfCheckIn(
  bridge: SelfCheckinBridge,
  attendeeId: string,
  device: string,
  nonce: string,
  actor: AuditActor,
  now = new Date(),
): Promise<CheckinResponse> {
  return checkIn({
    conferenceId: bridge.conference.id,
    listId: null,
    bridgePointId: bridge.id,
    onlyBridgePointId: bridge.id,
    attendeeId,
    deviceId: `self:${bridge.id}:${device}`.slice(0, 200),
    nonce: nonce.slice(0, 100) || crypto.randomUUID(),
    scannedAt: now,
    receivedAt: now,
    method: "SELF",
    userId: null,
    credentialKey: `poster:${bridge.id}`,
    audit: { actor, action: "attendance.self-checkin" },
  });
}
