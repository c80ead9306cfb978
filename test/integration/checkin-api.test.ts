import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeScannerCredential } from "~/checkin/credential.server.ts";
import type { CheckinResponse } from "~/checkin/types.ts";
import { env } from "~/env.server.ts";
import { conferenceKeyFor, deriveSigningKeys, issueToken } from "~/invitations/tokens.ts";
import { startAppServer, type AppServer } from "../helpers/app-server.ts";

// The check-in API against the production server (scripts/serve.js) on this file's database copy.

let server: AppServer;
let db: Database.Database;
let conferenceId: string;
let otherConferenceId: string;
let userId: string;
let credential: string;
const secret = () => env().SESSION_SECRET;

interface Person {
  id: string;
  token: string;
}

function addAttendees(count: number, prefix: string, confId = conferenceId): Person[] {
  const keys = deriveSigningKeys(secret());
  const ck = conferenceKeyFor(confId);
  const insert = db.prepare(
    `INSERT INTO "Attendee" ("id", "conferenceId", "name", "position", "organizationName", "email", "token", "invitationKey", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const people: Person[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const { token, invitationKey } = issueToken(keys, ck);
      const id = `${prefix}${i}`;
      insert.run(id, confId, `Đại biểu ${prefix} ${i}`, "Chuyên viên", "UBND phường Hải Châu", `${prefix}${i}@example.vn`, token, invitationKey, new Date().toISOString());
      people.push({ id, token });
    }
  })();
  return people;
}

async function post(body: unknown, auth: string | null = credential): Promise<{ status: number; json: Record<string, unknown> }> {
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

beforeAll(async () => {
  db = new Database(process.env.TEST_DATABASE_FILE!);
  db.pragma("busy_timeout = 5000");
  const conferences = db.prepare(`SELECT "id" FROM "Conference" WHERE "kind" = 'CONFERENCE' AND "status" != 'CANCELLED' ORDER BY "createdAt" LIMIT 2`).all() as Array<{ id: string }>;
  conferenceId = conferences[0]!.id;
  otherConferenceId = conferences[1]!.id;
  userId = (db.prepare(`SELECT "id" FROM "User" WHERE "email" = 'admin@hoinghi.local'`).get() as { id: string }).id;
  credential = encodeScannerCredential(secret(), { conferenceId, listId: null, userId, expiresAt: Date.now() + 3_600_000 });
  server = await startAppServer();
});

afterAll(async () => {
  await server?.stop();
  db?.close();
  expect(server.stderr()).toBe("");
});

describe("POST /api/checkin", () => {
  it("admits an invitation once, then answers duplicate with when and where", async () => {
    const [p] = addAttendees(1, "once");
    const first = await post(scan(p!.token));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ result: "accepted", attendee: { id: p!.id, name: "Đại biểu once 0" }, status: "IN_PERSON" });
    const second = await post(scan(p!.token, { deviceId: "door-2" }));
    expect(second.json).toMatchObject({ result: "duplicate", first: { deviceId: "test-device", method: "SCAN" } });
    expect(String(second.json.message)).toMatch(/^Đã điểm danh trước đó lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/);
  });

  it("returns the same answer for the same nonce and logs it once", async () => {
    const [p] = addAttendees(1, "nonce");
    const body = scan(p!.token);
    const a = await post(body);
    const b = await post(body);
    const c = await post(body);
    expect(a.json.result).toBe("accepted");
    expect(b.json).toEqual(a.json);
    expect(c.json).toEqual(a.json);
    const logged = db.prepare(`SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "nonce" = ?`).get(body.nonce) as { n: number };
    expect(logged.n).toBe(1);
  });

  it("refuses forged, tampered, foreign and revoked tokens with the right reason", async () => {
    const [genuine, revoked] = addAttendees(2, "refuse");
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
    const [foreign] = addAttendees(1, "foreign", otherConferenceId);
    expect((await post(scan(foreign!.token))).json).toMatchObject({ result: "rejected", reason: "other-conference" });
    // Revoked: replaced by a substitute.
    db.prepare(`UPDATE "Attendee" SET "revokedAt" = ? WHERE "id" = ?`).run(new Date().toISOString(), revoked!.id);
    const [sub] = addAttendees(1, "substitute");
    db.prepare(`UPDATE "Attendee" SET "substituteForId" = ?, "name" = 'Trần Thị Thay' WHERE "id" = ?`).run(revoked!.id, sub!.id);
    const r = await post(scan(revoked!.token));
    expect(r.json).toMatchObject({ result: "rejected", reason: "revoked", attendee: { id: revoked!.id } });
    expect(String(r.json.message)).toContain("Trần Thị Thay");
    // The genuine one still works, and nobody refused was counted.
    expect((await post(scan(genuine!.token))).json.result).toBe("accepted");
    const counted = db.prepare(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "attendeeId" IN (?, ?)`).get(revoked!.id, foreign!.id) as { n: number };
    expect(counted.n).toBe(0);
  });

  it("decides forged tokens from the token alone: they are logged, never looked up", async () => {
    const forged = issueToken(deriveSigningKeys("yet another secret of sufficient length!!"), conferenceKeyFor(conferenceId)).token;
    const body = scan(forged);
    await post(body);
    const row = db.prepare(`SELECT "attendeeId", "result", "reason" FROM "CheckinScan" WHERE "nonce" = ?`).get(body.nonce);
    expect(row).toEqual({ attendeeId: null, result: "REJECTED", reason: "bad-signature" });
  });

  it("needs a scanner credential, and names the bad field in Vietnamese", async () => {
    const [p] = addAttendees(1, "auth");
    expect((await post(scan(p!.token), null)).status).toBe(401);
    const expired = encodeScannerCredential(secret(), { conferenceId, listId: null, userId, expiresAt: Date.now() - 1 });
    expect((await post(scan(p!.token), expired)).status).toBe(401);
    const forgedCredential = encodeScannerCredential("someone else's secret, 32+ characters long", { conferenceId, listId: null, userId, expiresAt: Date.now() + 60_000 });
    expect((await post(scan(p!.token), forgedCredential)).status).toBe(401);

    const noDevice = await post({ token: p!.token, nonce: "x", scannedAt: new Date().toISOString() });
    expect(noDevice).toMatchObject({ status: 400, json: { field: "deviceId" } });
    expect(String(noDevice.json.error)).toContain("mã thiết bị");
    expect((await post({ ...scan(p!.token), scannedAt: "hôm qua" })).json).toMatchObject({ field: "scannedAt" });
    expect((await post({ deviceId: "d", nonce: "n", scannedAt: new Date().toISOString() })).json).toMatchObject({ field: "token" });
    expect((await post("{not json")).status).toBe(400);
    const get = await fetch(`${server.url}/api/checkin`);
    expect(get.status).toBe(405);
    // Nothing of the refused requests was counted.
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "attendeeId" = ?`).get(p!.id)).toEqual({ n: 0 });
  });

  it("keeps the earliest of two offline scans from different doors", async () => {
    const [p] = addAttendees(1, "offline");
    const now = Date.now();
    // Door B syncs first a scan made 10 minutes ago; door A then syncs its scan made 12 minutes ago.
    const b = await post({ token: p!.token, deviceId: "door-B", nonce: randomUUID(), scannedAt: new Date(now - 600_000).toISOString(), sentAt: new Date(now).toISOString() });
    const a = await post({ token: p!.token, deviceId: "door-A", nonce: randomUUID(), scannedAt: new Date(now - 720_000).toISOString(), sentAt: new Date(now).toISOString() });
    expect(b.json.result).toBe("accepted");
    expect(a.json.result).toBe("accepted");
    const row = db.prepare(`SELECT "deviceId", "checkedInAt" FROM "Attendance" WHERE "attendeeId" = ?`).get(p!.id) as { deviceId: string; checkedInAt: string };
    expect(row.deviceId).toBe("door-A");
    expect(Math.abs(new Date(row.checkedInAt).getTime() - (now - 720_000))).toBeLessThan(5_000);
    const scans = db.prepare(`SELECT "deviceId" FROM "CheckinScan" WHERE "attendeeId" = ? ORDER BY "id"`).all(p!.id);
    expect(scans).toEqual([{ deviceId: "door-B" }, { deviceId: "door-A" }]);
    // A live scan at a third door now is a duplicate of door A's.
    const c = await post({ token: p!.token, deviceId: "door-C", nonce: randomUUID(), scannedAt: new Date().toISOString() });
    expect(c.json).toMatchObject({ result: "duplicate", first: { deviceId: "door-A" } });
  });

  it("50 concurrent clients, 10,000 scans with 10 % duplicates: each attendee once, every scan logged, no errors", async () => {
    const people = addAttendees(9_000, "crowd");
    const scans = people.map((p) => p.token);
    // 1,000 repeated scans of people already in the list, spread through the run.
    for (let i = 0; i < 1_000; i++) scans.splice(1_000 + i * 9, 0, people[i * 7]!.token);
    expect(scans).toHaveLength(10_000);
    const before = db.prepare(`SELECT COUNT(*) AS n FROM "CheckinScan"`).get() as { n: number };

    const counts: Record<string, number> = {};
    const statuses: Record<number, number> = {};
    let next = 0;
    const client = async (c: number) => {
      while (next < scans.length) {
        const token = scans[next++]!;
        const res = await fetch(`${server.url}/api/checkin`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${credential}` },
          body: JSON.stringify({ token, deviceId: `client-${c}`, nonce: randomUUID(), scannedAt: new Date().toISOString() }),
        });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const json = (await res.json()) as CheckinResponse;
        counts[json.result] = (counts[json.result] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, c) => client(c)));

    expect(statuses).toEqual({ 200: 10_000 });
    expect(counts).toEqual({ accepted: 9_000, duplicate: 1_000 });
    const after = db.prepare(`SELECT COUNT(*) AS n FROM "CheckinScan"`).get() as { n: number };
    expect(after.n - before.n).toBe(10_000);
    const present = db.prepare(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "attendeeId" LIKE 'crowd%'`).get() as { n: number };
    expect(present.n).toBe(9_000);
    const acceptedTwice = db
      .prepare(`SELECT COUNT(*) AS n FROM (SELECT "attendeeId" FROM "CheckinScan" WHERE "attendeeId" LIKE 'crowd%' AND "result" = 'ACCEPTED' GROUP BY "attendeeId" HAVING COUNT(*) > 1)`)
      .get() as { n: number };
    expect(acceptedTwice.n).toBe(0);
  }, 120_000);
});
