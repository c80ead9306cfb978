// The self check-in page of a bridge point's QR poster (/d/:posterKey): the poster's bridge, the name
// search, and the two steps (type the code, confirm who you are), each throttled like a lookup.
// Each step answers `{ status, body }`: the body is what the page shows, the status what HTTP says.

import crypto from "node:crypto";
import {
  bridgeByPosterKey,
  lookupCode,
  lookupFailed,
  lookupThrottled,
  posterActor,
  searchBridgeAttendees,
  selfCheckIn,
  type Candidate,
  type SelfCheckinBridge,
} from "#app/attendance/self-checkin.server.ts";
import { letterCount, NAME_SEARCH_MIN_LETTERS } from "#app/attendance/summary.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

/** The bridge point of a poster key, or a 404. */
export async function posterBridge(key: string | undefined): Promise<SelfCheckinBridge> {
  const bridge = await bridgeByPosterKey(key);
  if (!bridge) throw new Response("Đường dẫn điểm danh không đúng hoặc đã hết hiệu lực.", { status: 404 });
  return bridge;
}

/** The name search: refused while blocked, and a miss counts like a wrong code. */
export async function posterNameSearch(bridge: SelfCheckinBridge, ip: string | null, q: string) {
  let matches: Candidate[] = [];
  let throttled: string | null = null;
  if (letterCount(q) >= NAME_SEARCH_MIN_LETTERS) {
    throttled = await lookupThrottled(bridge, ip);
    if (!throttled) {
      matches = await searchBridgeAttendees(bridge, q);
      if (matches.length === 0) throttled = await lookupFailed(bridge, ip);
    }
  }
  return { matches, throttled };
}

/** The poster page's data (its loader's and the edge's): the bridge, the name search for `q`, a fresh nonce. */
export async function posterPage(bridge: SelfCheckinBridge, key: string, ip: string | null, q: string) {
  const { matches, throttled } = await posterNameSearch(bridge, ip, q);
  return {
    key,
    bridge: { name: bridge.name, address: bridge.address },
    conference: {
      title: meetingName(bridge.conference.title),
      when: bridge.conference.startsAt ? formatDateTime(bridge.conference.startsAt) : null,
      cancelled: bridge.conference.status === "CANCELLED",
    },
    q,
    matches,
    throttled,
    // One confirmation per page view: a second tap of "Tôi là …" is the same check-in.
    nonce: crypto.randomUUID(),
  };
}

export type PosterPageData = Awaited<ReturnType<typeof posterPage>>;

const tooMany = (message: string) => ({ status: 429, body: { kind: "refused" as const, message } });

/** Step 1: the code from the invitation; the attendees it names at this bridge, to confirm. */
export async function posterCode(bridge: SelfCheckinBridge, ip: string | null, typed: string) {
  const code = typed.slice(0, 40);
  const blocked = await lookupThrottled(bridge, ip);
  if (blocked) return tooMany(blocked);
  const found = await lookupCode(bridge, code);
  if (found.kind === "error") {
    const nowBlocked = await lookupFailed(bridge, ip);
    if (nowBlocked) return tooMany(nowBlocked);
    return { status: 400, body: { kind: "error" as const, message: found.message, code } };
  }
  if (found.kind === "revoked") return { status: 400, body: { kind: "refused" as const, message: found.message } };
  return { status: 200, body: { kind: "candidates" as const, candidates: found.candidates, code } };
}

/** Step 2: "I am …": records the attendee present online at this bridge, once per device and nonce. */
export async function posterConfirm(bridge: SelfCheckinBridge, ip: string | null, attendeeId: string, nonce: string) {
  if (!attendeeId) return { status: 400, body: { kind: "error" as const, message: "Chọn họ tên của Đồng chí." } };
  const blocked = await lookupThrottled(bridge, ip);
  if (blocked) return tooMany(blocked);
  const r = await selfCheckIn(bridge, attendeeId, "poster", `${nonce}:${attendeeId}`, posterActor(bridge, ip));
  if (r.result === "accepted") {
    const at = formatDateTime(new Date(r.checkedInAt));
    return {
      status: 200,
      body: { kind: "accepted" as const, name: r.attendee.name, position: r.attendee.position, at },
    };
  }
  if (r.result === "duplicate") {
    return {
      status: 200,
      body: {
        kind: "already" as const,
        name: r.attendee.name,
        position: r.attendee.position,
        since: formatDateTime(new Date(r.first.at)),
        where: r.first.list,
      },
    };
  }
  // An id that is not one of this bridge's attendees: a probe, counted like a wrong code.
  if (r.reason === "unknown-attendee" || r.reason === "other-conference" || r.reason === "other-bridge") {
    const nowBlocked = await lookupFailed(bridge, ip);
    if (nowBlocked) return tooMany(nowBlocked);
    return { status: r.reason === "other-bridge" ? 403 : 404, body: { kind: "refused" as const, message: r.message } };
  }
  return { status: 400, body: { kind: "refused" as const, message: r.message } };
}
