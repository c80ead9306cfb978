import { randomUUID } from "node:crypto";
import parsePrometheus, { type MetricFamily } from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserSession } from "#app/auth/session.server.ts";
import { encodeScannerCredential, requestSessionId } from "#app/checkin/credential.server.ts";
import { env } from "#app/env.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { queueInvitations, queueInvitationsIn } from "#app/invitations/queue.server.ts";
import { conferenceKeyFor, deriveSigningKeys, issueToken } from "#app/invitations/tokens.server.ts";
import { startAppServer, type AppServer } from "#tests/helpers/app-server.ts";
import { openTestDb, type TestDb } from "#tests/helpers/test-db.ts";

// Issue 17, part 4: the production server (scripts/serve.js) writes one JSON line per request and per
// mail sent, with no token or address in it, and serves GET /metrics in the Prometheus text format to
// the holder of METRICS_TOKEN only.

const METRICS_TOKEN = `metrics-${randomUUID()}`;
let server: AppServer;
let db: TestDb;
let conferenceId: string;
let userId: string;
let cookie: string;
let credential: string;

type Line = Record<string, unknown>;

function logLines(): Line[] {
  return server
    .stdout()
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Line);
}

/** The lines that match, once at least one has reached the pipe (a line is written when its answer is out). */
async function linesWhere(match: (line: Line) => boolean): Promise<Line[]> {
  for (let i = 0; i < 100 && !logLines().some(match); i++) await new Promise((r) => setTimeout(r, 100));
  return logLines().filter(match);
}

/** One attendee of the conference with a genuine invitation, as an import adds them. */
async function addAttendee(prefix: string): Promise<{ id: string; token: string; email: string }> {
  const { token, invitationKey } = issueToken(deriveSigningKeys(env().SESSION_SECRET), conferenceKeyFor(conferenceId));
  const id = `${prefix}-${randomUUID()}`;
  const email = `${prefix}.${id.slice(-8)}@example.vn`;
  await db.run(
    `INSERT INTO "Attendee" ("id", "conferenceId", "name", "position", "organizationName", "email", "token", "invitationKey", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    conferenceId,
    `Đại biểu ${prefix}`,
    "Chuyên viên",
    "UBND phường Hải Châu",
    email,
    token,
    invitationKey,
    new Date(),
  );
  return { id, token, email };
}

let lastScrape = "";

async function scrape(): Promise<MetricFamily[]> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  lastScrape = await res.text();
  return parsePrometheus(lastScrape);
}

function family(families: MetricFamily[], name: string): MetricFamily {
  const found = families.find((f) => f.name === name);
  expect(found, name).toBeDefined();
  return found!;
}

function valueOf(families: MetricFamily[], name: string, labels: Record<string, string>): number {
  const sample = families
    .find((f) => f.name === name)
    ?.metrics.find((m) => Object.entries(labels).every(([k, v]) => (m.labels?.[k] ?? "") === v));
  return sample ? Number(sample.value ?? sample.count) : 0;
}

beforeAll(async () => {
  db = openTestDb();
  conferenceId = (await db.get<{ id: string }>(
    `SELECT "id" FROM "Conference" WHERE "kind" = 'CONFERENCE' AND "status" != 'CANCELLED'
       AND "startsAt" IS NOT NULL AND "endsAt" IS NOT NULL ORDER BY "createdAt" LIMIT 1`,
  ))!.id;
  userId = (await db.get<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = 'admin@hoinghi.local'`))!.id;
  // Credentials issued now are valid for roles unchanged since long before (as in checkin-api.test.ts).
  await db.run(`UPDATE "User" SET "rolesChangedAt" = ?`, new Date("2020-01-01T00:00:00.000Z"));
  cookie = (await createUserSession(userId, "/conferences")).headers.get("Set-Cookie")!.split(";")[0]!;
  const sessionId = (await requestSessionId(new Request("http://localhost/", { headers: { Cookie: cookie } })))!;
  credential = encodeScannerCredential(env().SESSION_SECRET, {
    conferenceId,
    listId: null,
    userId,
    sessionId,
    issuedAt: Date.now(),
    expiresAt: Date.now() + 3_600_000,
  });
  server = await startAppServer({ captureLog: true, env: { METRICS_TOKEN } });
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
  expect(server.stderr()).toBe("");
});

describe("request log", () => {
  it("writes one JSON line per request: route pattern, status, duration, request id, the token masked", async () => {
    const { token } = await addAttendee("log");
    const requestId = `test-${randomUUID()}`;
    const res = await fetch(`${server.url}/i/${token}?ref=${token}`, { headers: { "x-request-id": requestId } });
    await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe(requestId);
    const lines = await linesWhere((l) => l.requestId === requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "info",
      event: "request",
      method: "GET",
      route: "/i/:token",
      status: 200,
      url: "/i/[ẩn]?[ẩn]",
    });
    expect(lines[0]!.ms).toEqual(expect.any(Number));
    expect(lines[0]).not.toHaveProperty("userId");
    expect(server.stdout()).not.toContain(token);
  });

  it("names the signed-in user, and replaces a request id that is not plain with its own", async () => {
    const res = await fetch(`${server.url}/conferences/${conferenceId}/attendees`, {
      headers: { cookie, "x-request-id": "not plain; <script>" },
    });
    await res.text();
    expect(res.status).toBe(200);
    const requestId = res.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const lines = await linesWhere((l) => l.requestId === requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ route: "/conferences/:id/attendees", status: 200, userId });
    expect(String(lines[0]!.url)).toBe(`/conferences/${conferenceId}/attendees`);
  });

  it("logs a check-in answered by the edge, without its body, and counts it by result", async () => {
    const { token } = await addAttendee("scan");
    const labels = { result: "accepted", reason: "", method: "SCAN" };
    const before = valueOf(await scrape(), "hoinghi_checkins_total", labels);
    const requestId = `scan-${randomUUID()}`;
    const res = await fetch(`${server.url}/api/checkin`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${credential}`, "x-request-id": requestId },
      body: JSON.stringify({ token, deviceId: "door-1", nonce: randomUUID(), scannedAt: new Date().toISOString() }),
    });
    expect(((await res.json()) as { result: string }).result).toBe("accepted");
    const lines = await linesWhere((l) => l.requestId === requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: "POST", route: "/api/checkin", status: 200, url: "/api/checkin", userId });
    expect(server.stdout()).not.toContain(token);
    expect(server.stdout()).not.toContain(credential);
    const after = await scrape();
    expect(valueOf(after, "hoinghi_checkins_total", labels)).toBe(before + 1);
    expect(valueOf(after, "hoinghi_http_requests_total", { route: "/api/checkin", status: "200" })).toBeGreaterThan(0);
  });

  it("logs a mail sent with its Message-ID, kind and attempt, the address masked", async () => {
    const { id, email } = await addAttendee("mail");
    await queueInvitations({ conferenceId, kind: "INVITATION", version: 0, attendeeIds: [id], subject: "Giấy mời" });
    const row = (await db.get<{ id: string; messageId: string }>(
      `SELECT "id", "messageId" FROM "OutboxMessage" WHERE "attendeeId" = ?`,
      id,
    ))!;
    const lines = await linesWhere((l) => l.outboxId === row.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "info",
      event: "mail.sent",
      messageId: row.messageId,
      kind: "INVITATION",
      attempt: 1,
      to: expect.stringMatching(/^[0-9a-f]{12}@example\.vn$/),
    });
    expect(server.stdout()).not.toContain(email);
  });
});

describe("GET /metrics", () => {
  it("answers 401 without the token, with another one or in another scheme", async () => {
    for (const authorization of [undefined, "Bearer wrong-token-of-some-length", `Basic ${METRICS_TOKEN}`]) {
      const res = await fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(res.status, authorization ?? "none").toBe(401);
      expect(await res.text()).not.toContain("hoinghi_");
    }
  });

  it("serves requests by route and status with latencies, outbox, jobs and process metrics", async () => {
    const { token } = await addAttendee("metrics");
    await (await fetch(`${server.url}/i/${token}`)).text();
    const families = await scrape();
    expect(family(families, "hoinghi_http_request_duration_seconds").type).toBe("HISTOGRAM");
    // The parser folds a histogram's labelled series into one: its series are read from the text.
    const series = (suffix: string, also = 'method="GET"') =>
      lastScrape
        .split("\n")
        .find(
          (line) =>
            line.startsWith(`hoinghi_http_request_duration_seconds_${suffix}{`) &&
            [also, 'method="GET"', 'route="/i/:token"', 'status="200"'].every((label) => line.includes(label)),
        )
        ?.split(" ")
        .pop();
    expect(Number(series("count"))).toBeGreaterThan(0);
    expect(Number(series("bucket", 'le="+Inf"'))).toBe(Number(series("count")));
    expect(Number(series("sum"))).toBeGreaterThan(0);
    expect(valueOf(families, "hoinghi_http_requests_total", { route: "/i/:token", status: "200" })).toBeGreaterThan(0);
    // No URL of its own in any label: patterns only.
    const routes = family(families, "hoinghi_http_requests_total").metrics.map((m) => m.labels!.route!);
    expect(routes.join(" ")).not.toContain(token);
    expect(family(families, "hoinghi_checkins_total").type).toBe("COUNTER");
    const outbox = family(families, "hoinghi_outbox_messages").metrics.map((m) => m.labels!.status);
    expect(outbox.sort()).toEqual(["FAILED", "QUEUED", "SENDING", "SENT"]);
    expect(Number(family(families, "hoinghi_outbox_oldest_due_seconds").metrics[0]!.value)).toBeGreaterThanOrEqual(0);
    expect(
      family(families, "hoinghi_jobs")
        .metrics.map((m) => m.labels!.status)
        .sort(),
    ).toEqual(["DONE", "FAILED", "QUEUED", "RUNNING"]);
    expect(family(families, "process_cpu_user_seconds_total").type).toBe("COUNTER");
  });

  it("reads the outbox depth from the database", async () => {
    const { id } = await addAttendee("depth");
    // Queued not to be sent for an hour (in one transaction, so the server's sender never sees it due).
    await prisma.$transaction(async (tx) => {
      await queueInvitationsIn(tx, {
        conferenceId,
        kind: "INVITATION",
        version: 0,
        attendeeIds: [id],
        subject: "Giấy mời",
      });
      await tx.outboxMessage.updateMany({
        where: { attendeeId: id },
        data: { nextAttemptAt: new Date(Date.now() + 3_600_000) },
      });
    });
    const queued = await db.count(`SELECT COUNT(*) AS n FROM "OutboxMessage" WHERE "status" = 'QUEUED'`);
    expect(queued).toBeGreaterThan(0);
    // The gauges are read at most every 5 s: wait for a fresh read.
    await new Promise((r) => setTimeout(r, 5_100));
    expect(valueOf(await scrape(), "hoinghi_outbox_messages", { status: "QUEUED" })).toBe(queued);
  });

  it("does not exist without METRICS_TOKEN", async () => {
    const plain = await startAppServer();
    try {
      const res = await fetch(`${plain.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("hoinghi_");
    } finally {
      await plain.stop();
    }
    expect(plain.stderr()).toBe("");
  });
});
