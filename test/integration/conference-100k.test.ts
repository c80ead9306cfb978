// Issue 17: a conference of 100,000 attendees must open every organiser page. Prisma binds one parameter
// per id of a relation load or `IN (…)` list and refuses more than 32,766 (P2029), so a page that loads
// every attendee's messages, scans or views broke above that size although the import that got there
// succeeded. The pages are found from the route files, so a new conference page is checked here too.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserSession, currentUserByEmail } from "#app/auth/session.server.ts";
import { startAppServer, type AppServer } from "#tests/helpers/app-server.ts";
import { insertRows, openTestDb } from "#tests/helpers/test-db.ts";

const ATTENDEES = 100_000;

let server: AppServer;
let cookie: string;
const ids = { conference: "", list: "", document: "", bridge: "", bridgeKey: "", posterKey: "", token: "" };

beforeAll(async () => {
  const db = openTestDb();
  const pg = db.kind === "postgresql";
  const cast = (type: string) => (pg ? `::"${type}"` : "");
  const c = (await db.get(
    `SELECT "id" FROM "Conference" WHERE "title" LIKE '%năm 2023, triển khai%' AND "issuePlace" = 'Quảng Nam'`,
  )) as { id: string };
  ids.conference = c.id;
  const bridges = await db.all<{ id: string; accessKey: string; posterKey: string }>(
    `SELECT "id", "accessKey", "posterKey" FROM "BridgePoint" WHERE "conferenceId" = ? ORDER BY "position"`,
    c.id,
  );
  const groups = await db.all<{ id: string }>(`SELECT "id" FROM "AttendeeGroup" WHERE "conferenceId" = ?`, c.id);
  const lists = await db.all<{ id: string }>(
    `SELECT "id" FROM "CheckinList" WHERE "conferenceId" = ? ORDER BY "position", "name"`,
    c.id,
  );
  const documents = await db.all<{ id: string }>(
    `SELECT "id" FROM "MeetingDocument" WHERE "conferenceId" = ? AND "classified" = false ORDER BY "position"`,
    c.id,
  );
  const reminders = await db.all<{ id: string }>(`SELECT "id" FROM "ScheduledReminder" WHERE "conferenceId" = ?`, c.id);
  ids.list = lists[0]!.id;
  ids.document = documents[0]!.id;
  ids.bridge = bridges[0]!.id;
  ids.bridgeKey = bridges[0]!.accessKey;
  ids.posterKey = bridges[0]!.posterKey;
  // A real signed token (the seed's): /i/:token checks the signature before it looks the key up.
  ids.token = (
    (await db.get(`SELECT "token" FROM "Attendee" WHERE "conferenceId" = ? LIMIT 1`, c.id)) as { token: string }
  ).token;

  const now = new Date();
  const attendees: unknown[][] = [];
  const messages: unknown[][] = [];
  const attendance: unknown[][] = [];
  const scans: unknown[][] = [];
  const views: unknown[][] = [];
  const targets: unknown[][] = [];
  const recipients: unknown[][] = [];
  for (let i = 0; i < ATTENDEES; i++) {
    const a = `hk${i}`;
    // A third in the main hall, the others spread over the bridge points.
    const bridge = i % 3 === 0 ? null : bridges[i % bridges.length]!.id;
    const rsvp = i % 10 === 0 ? "DECLINED" : i % 2 === 0 ? "ACCEPTED" : "NO_ANSWER";
    attendees.push([
      a,
      c.id,
      `Đại biểu số ${i}`,
      `${a}@example.vn`,
      `token-${a}`,
      `key-${a}`,
      bridge,
      groups[i % groups.length]!.id,
      rsvp,
      now,
    ]);
    messages.push([`hm${i}`, c.id, a, `<${a}@hoinghi.local>`, `${a}@example.vn`, i % 1000 === 7 ? "FAILED" : "SENT"]);
    if (i % 5 < 3) {
      attendance.push([a, c.id, bridge ? "ONLINE" : "IN_PERSON", bridge, ids.list, now, "SCAN", now]);
      scans.push([`dev${i % 40}`, `n${i}`, c.id, a, ids.list, "SCAN", now, now, "ACCEPTED", "{}"]);
    }
    if (i % 2 === 0) views.push([`hv${i}`, ids.document, a, now, now]);
    if (i < 40_000) targets.push([`ht${i}`, documents[1]!.id, a]);
    recipients.push([reminders[0]!.id, a]);
  }
  await insertRows(
    db,
    `INSERT INTO "Attendee" ("id", "conferenceId", "name", "email", "token", "invitationKey", "bridgePointId", "groupId", "rsvp", "createdAt")`,
    `(?, ?, ?, ?, ?, ?, ?, ?, ?${cast("RsvpStatus")}, ?)`,
    attendees,
  );
  await insertRows(
    db,
    `INSERT INTO "OutboxMessage" ("id", "conferenceId", "attendeeId", "kind", "version", "messageId", "toAddress", "subject", "status")`,
    `(?, ?, ?, 'INVITATION', 1, ?, ?, 'Giấy mời', ?${cast("MessageStatus")})`,
    messages,
  );
  await insertRows(
    db,
    `INSERT INTO "Attendance" ("attendeeId", "conferenceId", "status", "bridgePointId", "checkinListId", "checkedInAt", "method", "updatedAt")`,
    `(?, ?, ?${cast("AttendanceStatus")}, ?, ?, ?, ?${cast("CheckinMethod")}, ?)`,
    attendance,
  );
  await insertRows(
    db,
    `INSERT INTO "CheckinScan" ("deviceId", "nonce", "conferenceId", "attendeeId", "checkinListId", "method", "scannedAt", "receivedAt", "result", "response")`,
    `(?, ?, ?, ?, ?, ?${cast("CheckinMethod")}, ?, ?, ?${cast("ScanResult")}, ?)`,
    scans,
  );
  await insertRows(
    db,
    `INSERT INTO "DocumentView" ("id", "documentId", "attendeeId", "firstAt", "lastAt")`,
    `(?, ?, ?, ?, ?)`,
    views,
  );
  await insertRows(db, `INSERT INTO "MeetingDocumentTarget" ("id", "documentId", "attendeeId")`, `(?, ?, ?)`, targets);
  await insertRows(db, `INSERT INTO "ReminderRecipient" ("reminderId", "attendeeId")`, `(?, ?)`, recipients);
  await db.close();
  const user = await currentUserByEmail("vanphong.quangnam@hoinghi.local");
  cookie = (await createUserSession(user!.id, "/conferences")).headers.get("Set-Cookie")!.split(";")[0]!;
  server = await startAppServer();
}, 300_000);

afterAll(async () => {
  await server?.stop();
  expect(server.stderr()).toBe("");
});

/** The URL of a route file: "conferences.$id.checkin.$listId_.counts" → "/conferences/:id/checkin/:listId/counts". */
function routeUrl(file: string): string {
  const name = file.replace(/\.tsx?$/, "");
  const segments = name
    .split(/\.(?![^[]*\])/)
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, "").replace(/\[(.*)\]/, "$1"));
  const values: Record<string, string> = {
    $id: ids.conference,
    $listId: ids.list,
    $docId: ids.document,
    $bridgeId: ids.bridge,
  };
  return (
    "/" +
    segments
      .map((s) => values[s] ?? s)
      .join("/")
      .replace(/\/\./g, ".")
  );
}

// The whole-list documents: checked in attendance-100k.test.ts, each on a fresh server with a capped heap
// and its content read back (every name), so not built twice here.
const CHECKED_ELSEWHERE = new Set([
  "conferences.$id.attendance-report[.pdf].tsx",
  "conferences.$id.attendance.sheet[.pdf].tsx",
  "conferences.$id.attendance[.xlsx].tsx",
]);

// Refused above a limit before any work, with a message naming what to download instead.
const REFUSED: Record<string, { status: number; says: string }> = {
  "conferences.$id.attendance-report[.docx].tsx": { status: 413, says: "quá lớn để tạo bản Word" },
};

const conferenceRoutes = fs
  .readdirSync(path.resolve(import.meta.dirname, "../../app/routes"))
  .filter((f) => f.startsWith("conferences.$id."))
  .filter((f) => !CHECKED_ELSEWHERE.has(f))
  .filter((f) => !process.env.SKIP_ROUTES || !new RegExp(process.env.SKIP_ROUTES).test(f));

describe(`a conference of ${ATTENDEES.toLocaleString("en")} attendees`, () => {
  it("has every conference route file in this check", () => {
    expect(conferenceRoutes.length).toBeGreaterThan(40);
  });

  it.each(conferenceRoutes)(
    "%s answers",
    async (file) => {
      const url = routeUrl(file);
      const started = performance.now();
      const res = await fetch(`${server.url}${url}`, { headers: { cookie } });
      const body = Buffer.from(await res.arrayBuffer());
      console.log(`${file}: ${res.status}, ${body.byteLength} bytes, ${Math.round(performance.now() - started)} ms`);
      const refused = REFUSED[file];
      expect(res.status, url).toBe(refused?.status ?? 200);
      if (refused) expect(body.toString("utf8")).toContain(refused.says);
    },
    120_000,
  );

  it.each([
    ["the conference list", () => "/conferences"],
    ["the invitation page", () => `/i/${ids.token}`],
    ["the bridge operator page", () => `/b/${ids.bridgeKey}`],
    ["the bridge roll call", () => `/b/${ids.bridgeKey}/roll-call`],
    ["the self check-in poster page", () => `/d/${ids.posterKey}`],
  ])(
    "%s answers 200",
    async (_label, url) => {
      const res = await fetch(`${server.url}${url()}`, { headers: { cookie } });
      await res.arrayBuffer();
      expect(res.status, url()).toBe(200);
    },
    120_000,
  );
});
