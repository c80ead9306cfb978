// Issue 17: the attendance pages and documents of a 100,000-attendee conference answer, and the documents
// (report PDF and Word file, roll-call sheet, spreadsheet) are built without holding every row in memory:
// what a request adds to the server's resident memory (its peak, VmHWM reset before the request, less its
// size before) stays under a bound, and each file holds every attendee (read back with pdftotext, or
// unzipped).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserSession, currentUserByEmail } from "#app/auth/session.server.ts";
import { startAppServer, type AppServer } from "#tests/helpers/app-server.ts";
import { insertRows, openTestDb } from "#tests/helpers/test-db.ts";

const ATTENDEES = 100_000;
/**
 * What one request may add to the server's resident memory. Bounded as growth, not as the process's total:
 * a fresh server's own size varied from 251 to 296 MB between runs, which moved the total (453–505 MB)
 * across a 500 MB bound while the report added 180–210 MB and the spreadsheet 90–175 MB each time. Before
 * the documents were streamed, the report ran the heap out of memory and the sheet took the process to
 * 2.9 GB.
 */
const PEAK_GROWTH_MB = 250;
/**
 * The server's heap is capped: V8 otherwise lets garbage grow the heap far beyond what is live, so only a
 * cap shows that a document's live memory is bounded. A document holding every line would die under it.
 */
const SERVER = { env: { NODE_OPTIONS: "--max-old-space-size=256" } };

let server: AppServer;
let cookie: string;
let conferenceId = "";
let seeded = 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attendance-100k-"));

beforeAll(async () => {
  const db = openTestDb();
  const pg = db.kind === "postgresql";
  const cast = (type: string) => (pg ? `::"${type}"` : "");
  const c = (await db.get(
    `SELECT "id" FROM "Conference" WHERE "title" LIKE '%năm 2023, triển khai%' AND "issuePlace" = 'Quảng Nam'`,
  )) as { id: string };
  conferenceId = c.id;
  const bridges = await db.all<{ id: string }>(`SELECT "id" FROM "BridgePoint" WHERE "conferenceId" = ?`, c.id);
  const groups = await db.all<{ id: string }>(`SELECT "id" FROM "AttendeeGroup" WHERE "conferenceId" = ?`, c.id);
  seeded = await db.count(
    `SELECT COUNT(*) AS n FROM "Attendee" WHERE "conferenceId" = ? AND "revokedAt" IS NULL`,
    c.id,
  );
  const base = Date.now();
  const attendees: unknown[][] = [];
  const attendance: unknown[][] = [];
  for (let i = 0; i < ATTENDEES; i++) {
    const a = `hk${i}`;
    const bridge = i % 3 === 0 ? null : bridges[i % bridges.length]!.id;
    const rsvp = i % 10 === 0 ? "DECLINED" : i % 2 === 0 ? "ACCEPTED" : "NO_ANSWER";
    const at = new Date(base + i);
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
      at,
    ]);
    if (i % 5 < 3) attendance.push([a, c.id, bridge ? "ONLINE" : "IN_PERSON", bridge, at, "SCAN", "", at]);
    else if (i % 5 === 3) attendance.push([a, c.id, "ABSENT", null, null, "ROLL_CALL", `Ốm ${i}`, at]);
  }
  await insertRows(
    db,
    `INSERT INTO "Attendee" ("id", "conferenceId", "name", "email", "token", "invitationKey", "bridgePointId", "groupId", "rsvp", "createdAt")`,
    `(?, ?, ?, ?, ?, ?, ?, ?, ?${cast("RsvpStatus")}, ?)`,
    attendees,
  );
  await insertRows(
    db,
    `INSERT INTO "Attendance" ("attendeeId", "conferenceId", "status", "bridgePointId", "checkedInAt", "method", "absenceReason", "updatedAt")`,
    `(?, ?, ?${cast("AttendanceStatus")}, ?, ?, ?${cast("CheckinMethod")}, ?, ?)`,
    attendance,
  );
  await db.close();
  const user = await currentUserByEmail("vanphong.quangnam@hoinghi.local");
  cookie = (await createUserSession(user!.id, "/conferences")).headers.get("Set-Cookie")!.split(";")[0]!;
  server = await startAppServer(SERVER);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  expect(server.stderr()).toBe("");
});

const status = (pid: number) => fs.readFileSync(`/proc/${pid}/status`, "utf8");
const kb = (text: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)![1]);

/** A fresh server: V8 keeps the heap a previous document grew, which would count in the next one's peak. */
async function restart(): Promise<void> {
  await server.stop();
  expect(server.stderr()).toBe("");
  server = await startAppServer(SERVER);
}

/** Fetches a path, with its status, size, time and the server's peak memory during the request. */
async function measure(url: string): Promise<{ status: number; body: Buffer; ms: number; growthMb: number }> {
  const beforeMb = Math.round(kb(status(server.pid), "VmRSS") / 1024);
  // Writing 5 resets VmHWM (the peak) to the current resident size.
  fs.writeFileSync(`/proc/${server.pid}/clear_refs`, "5");
  const started = performance.now();
  const res = await fetch(`${server.url}${url}`, { headers: { cookie } });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = Math.round(performance.now() - started);
  const peakMb = Math.round(kb(status(server.pid), "VmHWM") / 1024);
  console.log(
    `${url.replace(conferenceId, ":id")}: ${res.status}, ${body.byteLength} bytes, ${ms} ms, peak RSS ${peakMb} MB (${beforeMb} MB before)`,
  );
  return { status: res.status, body, ms, growthMb: peakMb - beforeMb };
}

function save(name: string, body: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
}

/** How many times "Đại biểu số N" (the seeded names) occur in a text, and whether the first and last are there. */
function seededNames(text: string) {
  const names: string[] = text.match(/Đại biểu số \d+/g) ?? [];
  return {
    count: names.length,
    first: names.includes("Đại biểu số 0"),
    last: names.includes(`Đại biểu số ${ATTENDEES - 1}`),
  };
}

describe(`the attendance of ${ATTENDEES.toLocaleString("en")} attendees`, () => {
  it.each([
    ["attendance-report.pdf", "report.pdf"],
    ["attendance/sheet.pdf", "sheet.pdf"],
  ])(
    "/%s holds every attendee within the memory bound",
    async (route, name) => {
      // A small document first, as a running server has served: the PDF machinery (pdfkit, the fonts, the
      // route's modules) is then loaded before the measure, which is about what the large one adds.
      expect(
        (await fetch(`${server.url}/conferences/${conferenceId}/agenda.pdf`, { headers: { cookie } })).status,
      ).toBe(200);
      const r = await measure(`/conferences/${conferenceId}/${route}`);
      expect(r.status).toBe(200);
      expect(r.growthMb).toBeLessThan(PEAK_GROWTH_MB);
      const file = save(name, r.body);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
      expect(pages).toBeGreaterThan(ATTENDEES / 60);
      const names = seededNames(execFileSync("pdftotext", [file, "-"], { encoding: "utf8", maxBuffer: 1 << 30 }));
      expect(names).toEqual({ count: ATTENDEES, first: true, last: true });
    },
    600_000,
  );

  it("/attendance-report.docx is refused before any line is read, saying which files hold everyone", async () => {
    const r = await measure(`/conferences/${conferenceId}/attendance-report.docx`);
    expect(r.status).toBe(413);
    expect(r.body.toString("utf8")).toBe(
      `Danh sách có ${(ATTENDEES + seeded).toLocaleString("vi-VN")} đại biểu, quá lớn để tạo bản Word (tối đa 5.000). Hãy tải “Báo cáo điểm danh (PDF)” hoặc “Báo cáo điểm danh (.xlsx)”: hai bản này có đủ mọi đại biểu.`,
    );
    expect(r.growthMb).toBeLessThan(PEAK_GROWTH_MB);
  });

  it("/attendance.xlsx holds every attendee within the memory bound", async () => {
    await restart();
    const r = await measure(`/conferences/${conferenceId}/attendance.xlsx`);
    expect(r.status).toBe(200);
    expect(r.growthMb).toBeLessThan(PEAK_GROWTH_MB);
    const file = save("report.xlsx", r.body);
    const strings = execFileSync("unzip", ["-p", file, "xl/worksheets/sheet3.xml"], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
    });
    expect(seededNames(strings.replace(/<[^>]+>/g, " "))).toEqual({ count: ATTENDEES, first: true, last: true });
  }, 600_000);

  it("the roll-call page and its live figures are small and count everyone", async () => {
    const page = await measure(`/conferences/${conferenceId}/attendance`);
    expect(page.status).toBe(200);
    expect(page.body.byteLength).toBeLessThan(300_000);
    const live = await measure(`/conferences/${conferenceId}/attendance.json`);
    expect(live.status).toBe(200);
    const figures = JSON.parse(live.body.toString("utf8")) as { summary: { total: { invited: number } } };
    expect(figures.summary.total.invited).toBe(ATTENDEES + seeded);
  }, 120_000);
});
