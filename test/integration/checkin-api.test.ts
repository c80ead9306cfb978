import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserSession } from "#app/auth/session.server.ts";
import { encodeScannerCredential, requestSessionId } from "#app/checkin/credential.server.ts";
import { authCacheMs } from "#app/checkin/scanner-auth.server.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";
import { prisma } from "#app/database/db.server.ts";
import { env } from "#app/env.server.ts";
import { conferenceKeyFor, deriveSigningKeys, issueToken } from "#app/invitations/tokens.server.ts";
import { startAppServer, type AppServer } from "#tests/helpers/app-server.ts";
import { openTestDb, type TestDb } from "#tests/helpers/test-db.ts";

// The check-in API against the production server (scripts/serve.js) on this file's database copy.

let server: AppServer;
let db: TestDb;
let conferenceId: string;
let otherConferenceId: string;
let userId: string;
let adminSession: string;
let credential: string;
const secret = () => env().SESSION_SECRET;

interface Person {
  id: string;
  token: string;
}

async function addAttendees(
  count: number,
  prefix: string,
  confId = conferenceId,
  bridgePointId: string | null = null,
): Promise<Person[]> {
  const keys = deriveSigningKeys(secret());
  const ck = conferenceKeyFor(confId);
  const people: Person[] = [];
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const { token, invitationKey } = issueToken(keys, ck);
    const id = `${prefix}${i}`;
    rows.push([
      id,
      confId,
      `Đại biểu ${prefix} ${i}`,
      "Chuyên viên",
      "UBND phường Hải Châu",
      `${prefix}${i}@example.vn`,
      token,
      invitationKey,
      bridgePointId,
      new Date(),
    ]);
    people.push({ id, token });
  }
  // Many rows per statement: thousands of attendees in a few round trips on either database.
  for (let at = 0; at < rows.length; at += 500) {
    const chunk = rows.slice(at, at + 500);
    await db.run(
      `INSERT INTO "Attendee" ("id", "conferenceId", "name", "position", "organizationName", "email", "token", "invitationKey", "bridgePointId", "createdAt")
       VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      ...chunk.flat(),
    );
  }
  return people;
}

/** A sign-in session as the login page makes it: its cookie and id. */
async function signIn(uid: string): Promise<{ cookie: string; sessionId: string }> {
  const res = await createUserSession(uid, "/conferences");
  const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
  const sessionId = (await requestSessionId(new Request("http://localhost/", { headers: { Cookie: cookie } })))!;
  return { cookie, sessionId };
}

/** A scanner credential as the scanner page issues it (issuedAt now unless given). */
function credentialFor(c: {
  conferenceId: string;
  listId?: string | null;
  userId: string;
  sessionId: string;
  issuedAt?: number;
}): string {
  return encodeScannerCredential(secret(), {
    conferenceId: c.conferenceId,
    listId: c.listId ?? null,
    userId: c.userId,
    sessionId: c.sessionId,
    issuedAt: c.issuedAt ?? Date.now(),
    expiresAt: Date.now() + 3_600_000,
  });
}

async function post(
  body: unknown,
  auth: string | null = credential,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/checkin`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function scan(token: string, extra: Record<string, unknown> = {}) {
  return { token, deviceId: "test-device", nonce: randomUUID(), scannedAt: new Date().toISOString(), ...extra };
}

const userIdOf = async (email: string) =>
  ((await db.get(`SELECT "id" FROM "User" WHERE "email" = ?`, email)) as { id: string }).id;

beforeAll(async () => {
  db = openTestDb();
  const conferences = (await db.all(
    `SELECT "id" FROM "Conference" WHERE "kind" = 'CONFERENCE' AND "status" != 'CANCELLED' ORDER BY "createdAt" LIMIT 2`,
  )) as Array<{ id: string }>;
  conferenceId = conferences[0]!.id;
  otherConferenceId = conferences[1]!.id;
  userId = await userIdOf("admin@hoinghi.local");
  // Nobody's roles changed since long before the test (the seed stamps now): credentials issued in the
  // past, as for scanners opened before going offline, are valid.
  await db.run(`UPDATE "User" SET "rolesChangedAt" = ?`, new Date("2020-01-01T00:00:00.000Z"));
  adminSession = (await signIn(userId)).sessionId;
  credential = credentialFor({ conferenceId, userId, sessionId: adminSession });
  server = await startAppServer();
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
  expect(server.stderr()).toBe("");
});

describe("POST /api/checkin", () => {
  it("admits an invitation once, then answers duplicate with when and where", async () => {
    const [p] = await addAttendees(1, "once");
    const first = await post(scan(p!.token));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      result: "accepted",
      attendee: { id: p!.id, name: "Đại biểu once 0" },
      status: "IN_PERSON",
    });
    const second = await post(scan(p!.token, { deviceId: "door-2" }));
    expect(second.json).toMatchObject({ result: "duplicate", first: { deviceId: "test-device", method: "SCAN" } });
    expect(String(second.json.message)).toMatch(/^Đã điểm danh trước đó lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/);
  });

  it("returns the same answer for the same nonce and logs it once", async () => {
    const [p] = await addAttendees(1, "nonce");
    const body = scan(p!.token);
    const a = await post(body);
    const b = await post(body);
    const c = await post(body);
    expect(a.json.result).toBe("accepted");
    expect(b.json).toEqual(a.json);
    expect(c.json).toEqual(a.json);
    const logged = (await db.get(`SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "nonce" = ?`, body.nonce)) as {
      n: number;
    };
    expect(logged.n).toBe(1);
  });

  it("refuses forged, tampered, foreign and revoked tokens with the right reason", async () => {
    const [genuine, revoked] = await addAttendees(2, "refuse");
    // Forged: a well-formed token signed with another key.
    const forgedKeys = deriveSigningKeys("an attacker's own secret that is long enough");
    const forged = issueToken(forgedKeys, conferenceKeyFor(conferenceId)).token;
    expect((await post(scan(forged))).json).toMatchObject({ result: "rejected", reason: "bad-signature" });
    // Tampered: one character of the payload changed.
    const t = genuine!.token;
    const flipped = t.slice(0, 20) + (t[20] === "A" ? "B" : "A") + t.slice(21);
    expect((await post(scan(flipped))).json).toMatchObject({ result: "rejected", reason: "bad-signature" });
    expect((await post(scan("not-a-token"))).json).toMatchObject({ result: "rejected", reason: "malformed" });
    // Another conference's genuine invitation.
    const [foreign] = await addAttendees(1, "foreign", otherConferenceId);
    expect((await post(scan(foreign!.token))).json).toMatchObject({ result: "rejected", reason: "other-conference" });
    // Revoked: replaced by a substitute.
    await db.run(`UPDATE "Attendee" SET "revokedAt" = ? WHERE "id" = ?`, new Date().toISOString(), revoked!.id);
    const [sub] = await addAttendees(1, "substitute");
    await db.run(
      `UPDATE "Attendee" SET "substituteForId" = ?, "name" = 'Trần Thị Thay' WHERE "id" = ?`,
      revoked!.id,
      sub!.id,
    );
    const r = await post(scan(revoked!.token));
    expect(r.json).toMatchObject({ result: "rejected", reason: "revoked", attendee: { id: revoked!.id } });
    expect(String(r.json.message)).toContain("Trần Thị Thay");
    // The genuine one still works, and nobody refused was counted.
    expect((await post(scan(genuine!.token))).json.result).toBe("accepted");
    const counted = (await db.get(
      `SELECT COUNT(*) AS n FROM "Attendance" WHERE "attendeeId" IN (?, ?)`,
      revoked!.id,
      foreign!.id,
    )) as { n: number };
    expect(counted.n).toBe(0);
  });

  it("decides forged tokens from the token alone: they are logged, never looked up", async () => {
    const forged = issueToken(
      deriveSigningKeys("yet another secret of sufficient length!!"),
      conferenceKeyFor(conferenceId),
    ).token;
    const body = scan(forged);
    await post(body);
    const row = await db.get(
      `SELECT "attendeeId", "result", "reason" FROM "CheckinScan" WHERE "nonce" = ?`,
      body.nonce,
    );
    expect(row).toEqual({ attendeeId: null, result: "REJECTED", reason: "bad-signature" });
  });

  it("needs a scanner credential, and names the bad field in Vietnamese", async () => {
    const [p] = await addAttendees(1, "auth");
    expect((await post(scan(p!.token), null)).status).toBe(401);
    const claims = { conferenceId, listId: null, userId, sessionId: adminSession, issuedAt: Date.now() };
    const expired = encodeScannerCredential(secret(), { ...claims, expiresAt: Date.now() - 1 });
    expect((await post(scan(p!.token), expired)).status).toBe(401);
    const forgedCredential = encodeScannerCredential("someone else's secret, 32+ characters long", {
      ...claims,
      expiresAt: Date.now() + 60_000,
    });
    expect((await post(scan(p!.token), forgedCredential)).status).toBe(401);
    // Signed, but for a session that does not exist (or another user's).
    expect(
      (await post(scan(p!.token), credentialFor({ conferenceId, userId, sessionId: "no-such-session" }))).status,
    ).toBe(401);
    const other = await signIn(await userIdOf("vanphong.danang@hoinghi.local"));
    expect(
      (await post(scan(p!.token), credentialFor({ conferenceId, userId, sessionId: other.sessionId }))).status,
    ).toBe(401);

    const noDevice = await post({ token: p!.token, nonce: "x", scannedAt: new Date().toISOString() });
    expect(noDevice).toMatchObject({ status: 400, json: { field: "deviceId" } });
    expect(String(noDevice.json.error)).toContain("mã thiết bị");
    expect((await post({ ...scan(p!.token), scannedAt: "hôm qua" })).json).toMatchObject({ field: "scannedAt" });
    expect((await post({ deviceId: "d", nonce: "n", scannedAt: new Date().toISOString() })).json).toMatchObject({
      field: "token",
    });
    expect((await post("{not json")).status).toBe(400);
    const get = await fetch(`${server.url}/api/checkin`);
    expect(get.status).toBe(405);
    // Nothing of the refused requests was counted.
    expect(await db.get(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "attendeeId" = ?`, p!.id)).toEqual({ n: 0 });
  });

  it("keeps the earliest of two offline scans from different doors", async () => {
    const [p] = await addAttendees(1, "offline");
    const now = Date.now();
    // The scanners opened their page (credential issued) 20 minutes ago, then lost the network.
    const opened = credentialFor({ conferenceId, userId, sessionId: adminSession, issuedAt: now - 1_200_000 });
    // Door B syncs first a scan made 10 minutes ago; door A then syncs its scan made 12 minutes ago.
    const b = await post(
      {
        token: p!.token,
        deviceId: "door-B",
        nonce: randomUUID(),
        scannedAt: new Date(now - 600_000).toISOString(),
        sentAt: new Date(now).toISOString(),
      },
      opened,
    );
    const a = await post(
      {
        token: p!.token,
        deviceId: "door-A",
        nonce: randomUUID(),
        scannedAt: new Date(now - 720_000).toISOString(),
        sentAt: new Date(now).toISOString(),
      },
      opened,
    );
    expect(b.json.result).toBe("accepted");
    expect(a.json.result).toBe("accepted");
    const row = (await db.get(`SELECT "deviceId", "checkedInAt" FROM "Attendance" WHERE "attendeeId" = ?`, p!.id)) as {
      deviceId: string;
      checkedInAt: string;
    };
    expect(row.deviceId).toBe("door-A");
    expect(Math.abs(new Date(row.checkedInAt).getTime() - (now - 720_000))).toBeLessThan(5_000);
    const scans = await db.all(`SELECT "deviceId" FROM "CheckinScan" WHERE "attendeeId" = ? ORDER BY "id"`, p!.id);
    expect(scans).toEqual([{ deviceId: "door-B" }, { deviceId: "door-A" }]);
    // A live scan at a third door now is a duplicate of door A's.
    const c = await post({
      token: p!.token,
      deviceId: "door-C",
      nonce: randomUUID(),
      scannedAt: new Date().toISOString(),
    });
    expect(c.json).toMatchObject({ result: "duplicate", first: { deviceId: "door-A" } });
  });

  it("50 concurrent clients, 10,000 scans with 10 % duplicates: each attendee once, every scan logged, no errors", async () => {
    const people = await addAttendees(9_000, "crowd");
    const scans = people.map((p) => p.token);
    // 1,000 repeated scans of people already in the list, spread through the run.
    for (let i = 0; i < 1_000; i++) scans.splice(1_000 + i * 9, 0, people[i * 7]!.token);
    expect(scans).toHaveLength(10_000);
    const before = (await db.get(`SELECT COUNT(*) AS n FROM "CheckinScan"`)) as { n: number };

    const counts: Record<string, number> = {};
    const statuses: Record<number, number> = {};
    let next = 0;
    const client = async (c: number) => {
      while (next < scans.length) {
        const token = scans[next++]!;
        const res = await fetch(`${server.url}/api/checkin`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${credential}` },
          body: JSON.stringify({
            token,
            deviceId: `client-${c}`,
            nonce: randomUUID(),
            scannedAt: new Date().toISOString(),
          }),
        });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const json = (await res.json()) as CheckinResponse;
        counts[json.result] = (counts[json.result] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, c) => client(c)));

    expect(statuses).toEqual({ 200: 10_000 });
    expect(counts).toEqual({ accepted: 9_000, duplicate: 1_000 });
    const after = (await db.get(`SELECT COUNT(*) AS n FROM "CheckinScan"`)) as { n: number };
    expect(after.n - before.n).toBe(10_000);
    const present = (await db.get(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "attendeeId" LIKE 'crowd%'`)) as {
      n: number;
    };
    expect(present.n).toBe(9_000);
    const acceptedTwice = (await db.get(
      `SELECT COUNT(*) AS n FROM (SELECT "attendeeId" FROM "CheckinScan" WHERE "attendeeId" LIKE 'crowd%' AND "result" = 'ACCEPTED' GROUP BY "attendeeId" HAVING COUNT(*) > 1) AS twice`,
    )) as { n: number };
    expect(acceptedTwice.n).toBe(0);
    // One audit row per accepted check-in, none for the duplicates.
    const audited = (await db.get(
      `SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = 'attendance.scan' AND "entityId" LIKE 'crowd%'`,
    )) as { n: number };
    expect(audited.n).toBe(9_000);
  }, 120_000);
});

// Issue 10, defects 5 and 6: what a credential may check in, for how long, and what a replay returns.
describe("scanner credentials: scope, lifetime, replay (issue 10)", () => {
  interface DaNang {
    id: string;
    hoiAn: string;
    haiChau: string;
    hoiAnList: string;
    hallList: string;
    operatorId: string;
  }
  let dn: DaNang;

  beforeAll(async () => {
    const c = (await db.get(
      `SELECT c."id" FROM "Conference" c JOIN "Organization" o ON o."id" = c."organizationId" WHERE o."name" = 'UBND thành phố Đà Nẵng' AND c."kind" = 'CONFERENCE'`,
    )) as { id: string };
    const operator = (await db.get(
      `SELECT "id", "organizationId" FROM "User" WHERE "email" = 'diemcau.hoian@hoinghi.local'`,
    )) as { id: string; organizationId: string };
    const bridge = async (where: string, ...args: unknown[]) =>
      (
        (await db.get(`SELECT "id" FROM "BridgePoint" WHERE "conferenceId" = ? AND ${where}`, c.id, ...args)) as {
          id: string;
        }
      ).id;
    const hoiAn = await bridge(`"hostOrganizationId" = ?`, operator.organizationId);
    const haiChau = await bridge(`"name" = 'Điểm cầu UBND phường Hải Châu'`);
    const list = async (where: string, ...args: unknown[]) =>
      (
        (await db.get(`SELECT "id" FROM "CheckinList" WHERE "conferenceId" = ? AND ${where}`, c.id, ...args)) as {
          id: string;
        }
      ).id;
    dn = {
      id: c.id,
      hoiAn,
      haiChau,
      hoiAnList: await list(`"bridgePointId" = ?`, hoiAn),
      hallList: await list(`"name" LIKE 'Cổng chính%'`),
      operatorId: operator.id,
    };
  });

  const attendance = async (id: string) =>
    (await db.get(
      `SELECT "status", "bridgePointId", "checkinListId", "checkedInAt", "deviceId", "method" FROM "Attendance" WHERE "attendeeId" = ?`,
      id,
    )) as
      | {
          status: string;
          bridgePointId: string | null;
          checkinListId: string | null;
          checkedInAt: string;
          deviceId: string;
          method: string;
        }
      | undefined;

  it("a bridge operator's credential checks in that bridge's attendees only, and says nothing about others", async () => {
    const [own] = await addAttendees(1, "op-own", dn.id, dn.hoiAn);
    const [other] = await addAttendees(1, "op-other", dn.id, dn.haiChau);
    const [hall] = await addAttendees(1, "op-hall", dn.id, null);
    const { sessionId } = await signIn(dn.operatorId);
    const op = credentialFor({ conferenceId: dn.id, listId: dn.hoiAnList, userId: dn.operatorId, sessionId });

    expect((await post(scan(own!.token), op)).json).toMatchObject({
      result: "accepted",
      status: "ONLINE",
      attendee: { id: own!.id },
    });
    for (const body of [
      scan(other!.token),
      { ...scan(""), token: undefined, attendeeId: other!.id },
      { ...scan(""), token: undefined, attendeeId: hall!.id },
    ]) {
      const r = await post(body, op);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ result: "rejected", reason: "other-bridge" });
      expect(r.json.attendee).toBeUndefined();
      expect(String(r.json.message)).not.toContain("Đại biểu op-");
    }
    expect(await attendance(other!.id)).toBeUndefined();
    expect(await attendance(hall!.id)).toBeUndefined();
    // Not the hall's list, and not without a list: the operator's credential is for their bridge.
    const [x] = await addAttendees(1, "op-x", dn.id, dn.hoiAn);
    expect(
      (
        await post(
          scan(x!.token),
          credentialFor({ conferenceId: dn.id, listId: dn.hallList, userId: dn.operatorId, sessionId }),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await post(
          scan(x!.token),
          credentialFor({ conferenceId: dn.id, listId: null, userId: dn.operatorId, sessionId }),
        )
      ).status,
    ).toBe(401);
  });

  it("a back-dated offline scan never moves an in-person record, and is never dated before its credential", async () => {
    const [p, q] = await addAttendees(2, "backdate", dn.id, dn.hoiAn);
    // Admitted in person at the hall's main door.
    const hall = credentialFor({ conferenceId: dn.id, listId: dn.hallList, userId, sessionId: adminSession });
    expect((await post(scan(p!.token, { deviceId: "hall-door" }), hall)).json).toMatchObject({
      result: "accepted",
      status: "IN_PERSON",
    });
    const before = (await attendance(p!.id))!;
    // Then a scan "from 2019", synced now, at the bridge: by an organiser's credential and by the operator's.
    const { sessionId } = await signIn(dn.operatorId);
    const op = credentialFor({ conferenceId: dn.id, listId: dn.hoiAnList, userId: dn.operatorId, sessionId });
    const staffAtBridge = credentialFor({ conferenceId: dn.id, listId: dn.hoiAnList, userId, sessionId: adminSession });
    const old = { scannedAt: "2019-01-18T08:00:00+07:00", sentAt: new Date().toISOString() };
    for (const cred of [op, staffAtBridge]) {
      const r = await post(scan(p!.token, { deviceId: "bridge-phone", ...old }), cred);
      expect(r.json).toMatchObject({ result: "duplicate", first: { deviceId: "hall-door" } });
    }
    expect(await attendance(p!.id)).toEqual(before);
    expect(before).toMatchObject({ status: "IN_PERSON", bridgePointId: null, checkinListId: dn.hallList });
    // A first scan from 2019 counts, dated when the credential was issued.
    const issuedAt = Date.now() - 60_000;
    const early = credentialFor({
      conferenceId: dn.id,
      listId: dn.hoiAnList,
      userId: dn.operatorId,
      sessionId,
      issuedAt,
    });
    expect((await post(scan(q!.token, old), early)).json).toMatchObject({
      result: "accepted",
      checkedInAt: new Date(issuedAt).toISOString(),
    });
    expect(new Date((await attendance(q!.id))!.checkedInAt).getTime()).toBe(issuedAt);
  });

  async function refusedWithin(body: () => unknown, cred: string): Promise<number> {
    const start = Date.now();
    for (;;) {
      const r = await post(body(), cred);
      if (r.status === 401) return Date.now() - start;
      expect(r.status).toBe(200);
      if (Date.now() - start > authCacheMs() + 3_000) throw new Error("credential still accepted");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it("ends within seconds of logout; logout asks the browser to clear the scanner's data", async () => {
    const staffId = await userIdOf("diemdanh.danang@hoinghi.local");
    const [a, b] = await addAttendees(2, "logout", dn.id);
    const { cookie, sessionId } = await signIn(staffId);
    const cred = credentialFor({ conferenceId: dn.id, listId: dn.hallList, userId: staffId, sessionId });
    expect((await post(scan(a!.token), cred)).json.result).toBe("accepted");

    const out = await fetch(`${server.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.url, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(out.status).toBe(302);
    expect(out.headers.get("clear-site-data")).toBe('"cache", "storage"');
    expect(await db.get(`SELECT COUNT(*) AS n FROM "Session" WHERE "id" = ?`, sessionId)).toEqual({ n: 0 });
    // The logout was served by the same process: refused at once (at most the cache's few seconds).
    const waited = await refusedWithin(() => scan(b!.token), cred);
    expect(waited).toBeLessThan(authCacheMs() + 1_000);
    expect(await attendance(b!.id)).toBeUndefined();
  });

  it("ends within seconds of losing the check-in role (not after 24 h), and after any role change", async () => {
    const org = (
      (await db.get(`SELECT "organizationId" FROM "Conference" WHERE "id" = ?`, dn.id)) as { organizationId: string }
    ).organizationId;
    const make = (email: string) =>
      prisma.user.create({
        data: {
          email,
          name: "Nhân viên điểm danh tạm",
          organizationId: org,
          roles: { create: [{ role: "CHECKIN_STAFF" }] },
        },
        select: { id: true },
      });
    const people = await addAttendees(200, "roles", dn.id);
    let n = 0;
    const next = () => scan(people[n++]!.token);

    // The role is removed by hand (no stamp): the re-check of the user's capability still ends it.
    const removed = await make("tam.xoavaitro@danang.hoinghi.local");
    const s1 = await signIn(removed.id);
    const c1 = credentialFor({ conferenceId: dn.id, listId: dn.hallList, userId: removed.id, sessionId: s1.sessionId });
    expect((await post(next(), c1)).json.result).toBe("accepted");
    await prisma.userRole.deleteMany({ where: { userId: removed.id } });
    expect(await refusedWithin(next, c1)).toBeLessThan(authCacheMs() + 1_000);

    // Roles changed after the credential was issued (rolesChangedAt): refused, whatever the new roles.
    const changed = await make("tam.doivaitro@danang.hoinghi.local");
    const s2 = await signIn(changed.id);
    const c2 = credentialFor({ conferenceId: dn.id, listId: dn.hallList, userId: changed.id, sessionId: s2.sessionId });
    expect((await post(next(), c2)).json.result).toBe("accepted");
    await prisma.user.update({ where: { id: changed.id }, data: { rolesChangedAt: new Date() } });
    expect(await refusedWithin(next, c2)).toBeLessThan(authCacheMs() + 1_000);
    // A credential issued after the change works again.
    const c3 = credentialFor({ conferenceId: dn.id, listId: dn.hallList, userId: changed.id, sessionId: s2.sessionId });
    expect((await post(next(), c3)).json.result).toBe("accepted");
  });

  it("a nonce replayed from another conference or with another credential never returns the first answer", async () => {
    const [p] = await addAttendees(1, "replay", dn.id);
    const body = scan(p!.token, { deviceId: "replayed-device" });
    const mine = credentialFor({ conferenceId: dn.id, listId: dn.hallList, userId, sessionId: adminSession });
    const first = await post(body, mine);
    expect(first.json).toMatchObject({ result: "accepted", attendee: { name: "Đại biểu replay 0" } });
    // The same credential's retry: the same answer (idempotent).
    expect((await post(body, mine)).json).toEqual(first.json);
    // Another conference: decided there, as a foreign invitation, without the name.
    const elsewhere = await post(
      body,
      credentialFor({ conferenceId: otherConferenceId, userId, sessionId: adminSession }),
    );
    expect(elsewhere.json).toMatchObject({ result: "rejected", reason: "other-conference" });
    expect(JSON.stringify(elsewhere.json)).not.toContain("Đại biểu replay 0");
    // Another credential of the same conference (a bridge operator): decided for it, without the name.
    const { sessionId } = await signIn(dn.operatorId);
    const op = await post(
      body,
      credentialFor({ conferenceId: dn.id, listId: dn.hoiAnList, userId: dn.operatorId, sessionId }),
    );
    expect(op.json).toMatchObject({ result: "rejected", reason: "other-bridge" });
    expect(JSON.stringify(op.json)).not.toContain("Đại biểu replay 0");
    const logged = await db.all(
      `SELECT "conferenceId", "result" FROM "CheckinScan" WHERE "nonce" = ? ORDER BY "id"`,
      body.nonce,
    );
    expect(logged).toEqual([
      { conferenceId: dn.id, result: "ACCEPTED" },
      { conferenceId: otherConferenceId, result: "REJECTED" },
      { conferenceId: dn.id, result: "REJECTED" },
    ]);
  });

  it("writes one exact audit row per accepted check-in, none for a duplicate or a refusal", async () => {
    const [p] = await addAttendees(1, "audited", dn.id);
    const cred = credentialFor({ conferenceId: dn.id, listId: dn.hallList, userId, sessionId: adminSession });
    const r = await post(scan(p!.token, { deviceId: "audit-door" }), cred);
    expect(r.json.result).toBe("accepted");
    await post(scan(p!.token, { deviceId: "audit-door-2" }), cred);
    const rows = (await db.all(`SELECT * FROM "AuditEvent" WHERE "entityId" = ?`, p!.id)) as Array<
      Record<string, string | null>
    >;
    expect(rows).toHaveLength(1);
    const org = (
      (await db.get(`SELECT "organizationId" FROM "Conference" WHERE "id" = ?`, dn.id)) as { organizationId: string }
    ).organizationId;
    const hallName = (
      (await db.get(`SELECT "name" FROM "CheckinList" WHERE "id" = ?`, dn.hallList)) as { name: string }
    ).name;
    const row = rows[0]!;
    expect(row).toMatchObject({
      actorKind: "SCANNER",
      actorUserId: userId,
      action: "attendance.scan",
      entity: "Attendance",
      entityId: p!.id,
      conferenceId: dn.id,
      organizationId: org,
      summary: `Quét QR: Đại biểu audited 0 — Có mặt trực tiếp (${hallName})`,
    });
    expect(row.actorLabel).toMatch(/^\S.* <admin@hoinghi\.local> · máy quét audit-door$/);
    expect(row.ip).toMatch(/127\.0\.0\.1$/);
    expect(Math.abs(new Date(row.at!).getTime() - Date.now())).toBeLessThan(60_000);
    expect(JSON.parse(row.changes!)).toEqual([
      { field: "status", before: null, after: "IN_PERSON" },
      { field: "place", before: null, after: hallName },
      { field: "checkinListId", before: null, after: dn.hallList },
      { field: "checkedInAt", before: null, after: r.json.checkedInAt },
      { field: "method", before: null, after: "SCAN" },
      { field: "deviceId", before: null, after: "audit-door" },
    ]);
  });
});
