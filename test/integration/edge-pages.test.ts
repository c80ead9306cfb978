import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import { startAppServer, type AppServer } from "#tests/helpers/app-server.ts";
import { openTestDb, type TestDb } from "#tests/helpers/test-db.ts";

// Issue 15, goal 2: the first open of /i/:token, /d/:key and /b/:key is answered by the edge
// (app/http/edge-page.server.ts) without Remix's render. The browser must get exactly what Remix would
// have written, or hydration breaks: every page of the demo data, and crafted variants (escaping, empty
// fields, every answer state), is fetched twice through the production server — once as a visitor (the
// edge answers: Server-Timing says "edge") and once with a session cookie that names no session (Remix
// answers) — and the two documents must be the same bytes, but for the per-render nonces.

let server: AppServer;
let db: TestDb;

beforeAll(async () => {
  db = openTestDb();
  server = await startAppServer();
});

afterAll(async () => {
  await db?.close();
  await server?.stop();
  expect(server.stderr()).toBe("");
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** The CSP nonce and the self check-in's confirmation nonce change with every render. */
const normalise = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce="N"').replace(UUID, "UUID");

interface Compared {
  edge: boolean;
  status: number;
  remixStatus: number;
  edgeHtml: string;
  remixHtml: string;
}

async function compare(path: string, headers: Record<string, string> = {}): Promise<Compared> {
  const visitor = await fetch(`${server.url}${path}`, { headers: { "accept-encoding": "identity", ...headers } });
  const remix = await fetch(`${server.url}${path}`, {
    headers: { "accept-encoding": "identity", cookie: "hn_session=none", ...headers },
  });
  expect(remix.headers.get("server-timing")).toBeNull();
  return {
    edge: (visitor.headers.get("server-timing") ?? "").startsWith("edge;"),
    status: visitor.status,
    remixStatus: remix.status,
    edgeHtml: normalise(await visitor.text()),
    remixHtml: normalise(await remix.text()),
  };
}

async function expectSame(path: string, answeredAtEdge: boolean) {
  const r = await compare(path);
  expect(r.edge, `${path}: answered at the edge`).toBe(answeredAtEdge);
  expect(r.status, path).toBe(r.remixStatus);
  expect(r.edgeHtml, path).toBe(r.remixHtml);
  return r;
}

describe("the invitation page (/i/:token)", () => {
  it("is the same document as Remix's for every invitation of the demo data; open ones come from the edge", async () => {
    const rows = await db.all<{ token: string; revoked: number | boolean; status: string }>(
      `SELECT a."token", a."revokedAt" IS NOT NULL AS "revoked", c."status" FROM "Attendee" a
       JOIN "Conference" c ON c."id" = a."conferenceId" ORDER BY a."id"`,
    );
    expect(rows.length).toBeGreaterThan(10);
    const atEdge: string[] = [];
    for (const row of rows) {
      const open = !row.revoked && row.status !== "CANCELLED";
      const r = await expectSame(`/i/${row.token}`, open);
      if (open) atEdge.push(r.edgeHtml);
    }
    expect(atEdge.length).toBeGreaterThan(10);
    // The demo's meeting documents reach these pages: links, a classified one, one sent afterwards.
    expect(atEdge.some((html) => html.includes('class="document-link classified"'))).toBe(true);
    expect(atEdge.some((html) => html.includes(" · sau hội nghị"))).toBe(true);
  });

  it("stays the same through escaping, empty fields, every answer and schedule", async () => {
    const a = (await db.get<{ id: string; token: string; conferenceId: string }>(
      `SELECT a."id", a."token", a."conferenceId" FROM "Attendee" a JOIN "Conference" c ON c."id" = a."conferenceId"
       WHERE a."revokedAt" IS NULL AND c."status" <> 'CANCELLED' AND c."startsAt" IS NOT NULL ORDER BY a."id" LIMIT 1`,
    ))!;
    const bridge = (await db.get<{ id: string }>(
      `SELECT "id" FROM "BridgePoint" WHERE "conferenceId" = ? LIMIT 1`,
      a.conferenceId,
    ))!;
    const variants: Array<() => Promise<unknown>> = [
      () =>
        prisma.attendee.update({
          where: { id: a.id },
          data: { name: `Nguyễn "Văn" <A> & 'B'`, position: "", rsvp: "ACCEPTED" },
        }),
      () =>
        prisma.attendee.update({
          where: { id: a.id },
          data: { position: "Phó Chủ tịch <UBND>", rsvp: "DECLINED", declineReason: "Đi công tác & họp 'gấp'" },
        }),
      () => prisma.attendee.update({ where: { id: a.id }, data: { rsvp: "DECLINED", declineReason: "" } }),
      () => prisma.attendee.update({ where: { id: a.id }, data: { bridgePointId: bridge.id } }),
      () =>
        prisma.bridgePoint.update({
          where: { id: bridge.id },
          data: { name: `Điểm cầu "xã" <Tam> & Kỳ`, address: "", videoLink: "https://hop.gov.vn/j/1?a=1&b=<2>" },
        }),
      () =>
        prisma.conference.update({
          where: { id: a.conferenceId },
          data: {
            chair: "",
            preparationNote: "Chuẩn bị <báo cáo> & số liệu",
            contactName: "",
            contactPhone: "",
            contactEmail: "",
          },
        }),
      () =>
        prisma.conference.update({ where: { id: a.conferenceId }, data: { startsAt: null, endsAt: null, venue: "" } }),
    ];
    const organization = (await db.get<{ id: string }>(`SELECT "id" FROM "Organization" ORDER BY "id" LIMIT 1`))!;
    variants.push(
      () =>
        prisma.bridgePoint.update({
          where: { id: bridge.id },
          data: {
            hostOrganizationId: organization.id,
            room: "Phòng họp <số 2>",
            videoPasscode: "12&34",
            contactName: "Trần Văn Bình",
            contactPhone: "0235 3 812 345",
            readiness: "FAILED",
            readinessAt: new Date("2026-12-01T02:30:00Z"),
          },
        }),
      () =>
        prisma.conference.update({
          where: { id: a.conferenceId },
          data: { bridgeTestAt: new Date("2026-12-10T01:00:00Z"), bridgeTestNote: "Kiểm tra lần 2 & chạy thử <video>" },
        }),
      () =>
        prisma.connectivityTest.createMany({
          data: [
            {
              bridgePointId: bridge.id,
              result: "PASSED",
              operatorName: 'Lê Thị "Hoa"',
              latencyMs: 8.25,
              jitterMs: 1,
              lossPercent: 0,
              downloadMbps: 12.5,
              uploadMbps: 3,
              camera: true,
              microphone: true,
              screen: true,
              sound: true,
              backupConnection: true,
              createdAt: new Date("2026-12-02T03:00:00Z"),
            },
            {
              bridgePointId: bridge.id,
              result: "FAILED",
              notes: "Mất tiếng <loa> & micro",
              camera: true,
              createdAt: new Date("2026-12-01T03:00:00Z"),
            },
          ],
        }),
    );
    const accessKey = await bridgeKey(bridge.id, "accessKey");
    for (const change of variants) {
      await change();
      await expectSame(`/i/${a.token}`, true);
      await expectSame(`/d/${await bridgeKey(bridge.id, "posterKey")}`, true);
      await expectSame(`/b/${accessKey}`, true);
    }
  });
});

/** A bridge point's poster or operator key, given one when it has none (a fixed name, of the key's shape). */
async function bridgeKey(bridgeId: string, column: "posterKey" | "accessKey"): Promise<string> {
  const row = await db.get<Record<string, string | null>>(
    `SELECT "${column}" AS "key" FROM "BridgePoint" WHERE "id" = ?`,
    bridgeId,
  );
  if (row?.key) return row.key;
  const key = `${column}${bridgeId.replace(/[^A-Za-z0-9]/g, "").slice(0, 20)}`;
  await db.run(`UPDATE "BridgePoint" SET "${column}" = ? WHERE "id" = ?`, key, bridgeId);
  return key;
}

describe("the bridge operator's page (/b/:key)", () => {
  it("is the same document as Remix's for every bridge point of the demo data", async () => {
    const rows = await db.all<{ accessKey: string; status: string; tests: number }>(
      `SELECT b."accessKey", c."status", (SELECT COUNT(*) FROM "ConnectivityTest" t WHERE t."bridgePointId" = b."id") AS "tests"
       FROM "BridgePoint" b JOIN "Conference" c ON c."id" = b."conferenceId" WHERE b."accessKey" IS NOT NULL ORDER BY b."id"`,
    );
    expect(rows.length).toBeGreaterThan(3);
    // The demo's test history reaches these pages.
    expect(rows.some((r) => Number(r.tests) > 0)).toBe(true);
    for (const row of rows) await expectSame(`/b/${row.accessKey}`, row.status !== "CANCELLED");
  });
});

describe("the self check-in poster (/d/:key)", () => {
  it("is the same document as Remix's for every bridge point of the demo data", async () => {
    const rows = await db.all<{ posterKey: string; status: string }>(
      `SELECT b."posterKey", c."status" FROM "BridgePoint" b JOIN "Conference" c ON c."id" = b."conferenceId"
       WHERE b."posterKey" IS NOT NULL ORDER BY b."id"`,
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) await expectSame(`/d/${row.posterKey}`, row.status !== "CANCELLED");
  });
});

/** The token of an open invitation (not revoked, conference not cancelled). */
async function openInvitationToken(): Promise<string> {
  const row = await db.get<{ token: string }>(
    `SELECT a."token" FROM "Attendee" a JOIN "Conference" c ON c."id" = a."conferenceId"
     WHERE a."revokedAt" IS NULL AND c."status" <> 'CANCELLED' ORDER BY a."id" LIMIT 1`,
  );
  return row!.token;
}

describe("what the edge leaves to Remix", () => {
  it("a search, a query string, a signed-in visitor, a link that opens nothing, a HEAD request", async () => {
    const token = await openInvitationToken();
    const { posterKey } = (await db.get<{ posterKey: string }>(
      `SELECT "posterKey" FROM "BridgePoint" WHERE "posterKey" IS NOT NULL LIMIT 1`,
    ))!;
    for (const path of [`/d/${posterKey}?q=Nguyen`, `/i/${token}?utm=mail`, `/i/${token}x`, `/i/not.a-token`]) {
      const r = await compare(path);
      expect(r.edge, path).toBe(false);
      expect(r.status, path).toBe(r.remixStatus);
    }
    expect((await compare(`/i/${token}x`)).status).toBe(404);
    const head = await fetch(`${server.url}/i/${token}`, { method: "HEAD" });
    expect(head.headers.get("server-timing")).toBeNull();
  });

  it("answers gzip when asked, with the security headers and the page's own nonce in its CSP", async () => {
    const token = await openInvitationToken();
    const plain = await compare(`/i/${token}`);
    const res = await fetch(`${server.url}/i/${token}`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("server-timing")).toMatch(/^edge;dur=/);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const html = await res.text();
    expect(normalise(html)).toBe(plain.edgeHtml);
    const nonce = /nonce="([^"]+)"/.exec(html)![1]!;
    expect(res.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
