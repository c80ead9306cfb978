// Self check-in at a bridge point's poster (/d/:posterKey), issue 10 defect 5: the page answers only about
// its own bridge's attendees, confirms only them, throttles failed lookups per client address and per
// poster (429, in Vietnamese), and writes an exact audit row for each self check-in.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { describe, expect, it } from "vitest";
import { ensurePosterKey } from "#app/attendance/attendance.server.ts";
import { SELF_CHECKIN_LIMITS } from "#app/attendance/self-checkin.server.ts";
import { checkinCode, formatCheckinCode } from "#app/invitations/checkin-code.ts";
import { prisma } from "#app/database/db.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { action, loader } from "#app/routes/d.$key.tsx";
import { toResponse } from "#tests/helpers/route-result.ts";

const daNang = () =>
  prisma.conference.findFirstOrThrow({
    where: { kind: "CONFERENCE", organization: { name: "UBND thành phố Đà Nẵng" } },
    select: { id: true, bridgePoints: { select: { id: true, name: true } } },
  });

async function setup() {
  const c = await daNang();
  const haiChau = c.bridgePoints.find((b) => b.name === "Điểm cầu UBND phường Hải Châu")!;
  const hoiAn = c.bridgePoints.find((b) => b.name === "Điểm cầu UBND phường Hội An")!;
  return { c, haiChau, hoiAn };
}

async function person(conferenceId: string, name: string, email: string, bridgePointId: string) {
  await createAttendees(
    SYSTEM_ACTOR,
    conferenceId,
    [{ name, position: "Chuyên viên", organizationName: "UBND phường", groupId: "", email, phone: "", bridgePointId }],
    { kind: "form" },
  );
  const a = await prisma.attendee.findFirstOrThrow({
    where: { conferenceId, email },
    select: { id: true, invitationKey: true },
  });
  return { id: a.id, code: formatCheckinCode(checkinCode(a.invitationKey)) };
}

interface Reply {
  kind: string;
  message?: string;
  candidates?: Array<{ id: string; name: string }>;
  name?: string;
}

async function post(key: string, ip: string, fields: Record<string, string>): Promise<{ status: number; body: Reply }> {
  const request = new Request(`http://localhost/d/${key}`, {
    method: "POST",
    headers: { "x-hoinghi-client-ip": ip },
    body: new URLSearchParams(fields),
  });
  const res = toResponse(await action({ request, params: { key }, context: {} } as ActionFunctionArgs));
  return { status: res.status, body: (await res.json()) as Reply };
}

/** A code that belongs to nobody of the conference. */
function wrongCode(i: number): string {
  return formatCheckinCode(`ZZ${String(i).padStart(4, "0")}`.replace(/[ILOU]/g, "Z"));
}

describe("self check-in at a bridge point's poster", () => {
  it("finds and confirms only this bridge's attendees; others are refused without their name", async () => {
    const { c, haiChau, hoiAn } = await setup();
    const key = await ensurePosterKey(haiChau.id);
    const own = await person(c.id, "Trần Văn Tự", "tranvantu@haichau.hoinghi.local", haiChau.id);
    const other = await person(c.id, "Lê Thị Khác", "lethikhac@hoian.hoinghi.local", hoiAn.id);

    // Another bridge's code: not found here (not told apart from a wrong code).
    const foreign = await post(key, "198.51.100.1", { intent: "code", code: other.code });
    expect(foreign.status).toBe(400);
    expect(foreign.body.kind).toBe("error");
    expect(foreign.body.message).toBe(
      "Không tìm thấy đại biểu có mã điểm danh này tại điểm cầu. Vui lòng kiểm tra lại mã hoặc tìm theo họ tên.",
    );
    expect(JSON.stringify(foreign.body)).not.toContain("Lê Thị Khác");
    // Another bridge's attendee confirmed by id: refused, not recorded, not named.
    const confirmed = await post(key, "198.51.100.1", { intent: "confirm", attendeeId: other.id, nonce: "n1" });
    expect(confirmed.status).toBe(403);
    expect(confirmed.body).toEqual({
      kind: "refused",
      message: "Đại biểu không thuộc điểm cầu này: chỉ điểm danh được đại biểu được phân về điểm cầu.",
    });
    expect(await prisma.attendance.findUnique({ where: { attendeeId: other.id } })).toBeNull();
    // A name search answers this bridge's people only.
    const search = async (q: string) =>
      (await loader({
        request: new Request(`http://localhost/d/${key}?q=${encodeURIComponent(q)}`),
        params: { key },
        context: {},
      } as LoaderFunctionArgs)) as {
        matches: Array<{ name: string }>;
      };
    expect((await search("Lê Thị Khác")).matches).toEqual([]);
    expect((await search("Trần Văn Tự")).matches.map((m) => m.name)).toEqual(["Trần Văn Tự"]);

    // Its own attendee: found, confirmed, recorded online here, and audited.
    const found = await post(key, "198.51.100.1", { intent: "code", code: own.code });
    expect(found).toMatchObject({
      status: 200,
      body: { kind: "candidates", candidates: [{ id: own.id, name: "Trần Văn Tự" }] },
    });
    const done = await post(key, "198.51.100.1", { intent: "confirm", attendeeId: own.id, nonce: "n2" });
    expect(done).toMatchObject({ status: 200, body: { kind: "accepted", name: "Trần Văn Tự" } });
    const att = await prisma.attendance.findUniqueOrThrow({ where: { attendeeId: own.id } });
    expect(att).toMatchObject({ status: "ONLINE", bridgePointId: haiChau.id, method: "SELF" });
    // The attendance entries (adding the attendee has its own entry).
    const rows = await prisma.auditEvent.findMany({ where: { entityId: own.id, entity: "Attendance" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorKind: "POSTER",
      actorUserId: null,
      actorLabel: "Điểm cầu UBND phường Hải Châu (tự điểm danh)",
      ip: "198.51.100.1",
      action: "attendance.self-checkin",
      entity: "Attendance",
      conferenceId: c.id,
      summary: "Tự điểm danh tại điểm cầu: Trần Văn Tự — Dự trực tuyến tại điểm cầu (Điểm cầu UBND phường Hải Châu)",
    });
    expect(JSON.parse(rows[0]!.changes)).toEqual([
      { field: "status", before: null, after: "ONLINE" },
      { field: "place", before: null, after: "Điểm cầu UBND phường Hải Châu" },
      { field: "bridgePointId", before: null, after: haiChau.id },
      { field: "checkedInAt", before: null, after: att.checkedInAt!.toISOString() },
      { field: "method", before: null, after: "SELF" },
      { field: "deviceId", before: null, after: `self:${haiChau.id}:poster` },
    ]);
    // Confirming again: "already", and no second audit row.
    expect((await post(key, "198.51.100.1", { intent: "confirm", attendeeId: own.id, nonce: "n3" })).body.kind).toBe(
      "already",
    );
    expect(await prisma.auditEvent.count({ where: { entityId: own.id, entity: "Attendance" } })).toBe(1);
  });

  it("throttles failed lookups per client address and per poster with 429 and a Vietnamese message", async () => {
    const { c, hoiAn } = await setup();
    const key = await ensurePosterKey(hoiAn.id);
    const own = await person(c.id, "Phạm Văn Đúng", "phamvandung@hoian.hoinghi.local", hoiAn.id);
    const perIp = SELF_CHECKIN_LIMITS.ip.limit;
    const perPoster = SELF_CHECKIN_LIMITS.poster.limit;

    // One address guessing: wrong codes answer 400 up to the limit, then 429 — even for a right code.
    for (let i = 0; i < perIp; i++)
      expect((await post(key, "192.0.2.1", { intent: "code", code: wrongCode(i) })).status).toBe(400);
    const blocked = await post(key, "192.0.2.1", { intent: "code", code: wrongCode(perIp) });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(
      /^Nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút, hoặc nhờ cán bộ điểm cầu điểm danh giúp\.$/,
    );
    expect((await post(key, "192.0.2.1", { intent: "code", code: own.code })).status).toBe(429);
    expect((await post(key, "192.0.2.1", { intent: "confirm", attendeeId: own.id, nonce: "x" })).status).toBe(429);
    // The name search of a blocked address too.
    const res = (await loader({
      request: new Request(`http://localhost/d/${key}?q=${encodeURIComponent("Phạm Văn Đúng")}`, {
        headers: { "x-hoinghi-client-ip": "192.0.2.1" },
      }),
      params: { key },
      context: {},
    } as LoaderFunctionArgs)) as { init: { status: number }; data: { throttled: string; matches: unknown[] } };
    expect(res.init.status).toBe(429);
    expect(res.data.matches).toEqual([]);
    expect(res.data.throttled).toContain("Nhập sai quá nhiều lần");
    // Another address is not blocked by it.
    expect((await post(key, "192.0.2.2", { intent: "code", code: own.code })).status).toBe(200);

    // Many addresses guessing at one poster: the poster is blocked for everyone.
    const failuresSoFar = perIp + 1;
    for (let i = failuresSoFar; i < perPoster; i++)
      expect((await post(key, `192.0.2.${100 + i}`, { intent: "code", code: wrongCode(i) })).status).toBe(400);
    expect((await post(key, "192.0.2.250", { intent: "code", code: wrongCode(999) })).status).toBe(429);
    expect((await post(key, "192.0.2.251", { intent: "code", code: own.code })).status).toBe(429);
    // Nobody was checked in by any of it.
    expect(await prisma.attendance.findUnique({ where: { attendeeId: own.id } })).toBeNull();
  });
});
