import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { encodeScannerCredential, requestSessionId } from "#app/checkin/credential.server.ts";
import { DEMO_PASSWORD } from "#app/auth/password.server.ts";
import { createUserSession } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { conferenceKeyFor, deriveSigningKeys, issueToken } from "#app/invitations/tokens.server.ts";
import { queueInvitations } from "#app/invitations/queue.server.ts";
import { startInstance, startNginx, type Instance, type Nginx } from "#scripts/lib/cluster.ts";
import { startSmtp } from "#tests/helpers/smtp.ts";
import { openTestDb } from "#tests/helpers/test-db.ts";

// Issue 12: two app instances behind nginx (docs/deploy/nginx-hoinghi.conf, unchanged) on one PostgreSQL
// database, each with its own data directory; one is killed with SIGKILL in the middle of the work.
// Runs in the PostgreSQL pass of the suite (npm run test:pg), which gives this file its own database.

const onPostgres = /^postgres/.test(process.env.DATABASE_URL ?? "");
const secret = process.env.SESSION_SECRET!;
const running: Array<Instance | Nginx> = [];

afterEach(async () => {
  for (const p of running.splice(0).reverse()) await p.stop();
});

async function pair(extra: Record<string, string> = {}): Promise<{ a: Instance; b: Instance; nginx: Nginx }> {
  // A killed instance's claims (mail, jobs) return to the queue after 5 s instead of the default 30 s.
  const env = { CLAIM_LEASE_MS: "5000", ...extra };
  const dir = path.join(process.env.DATA_DIR!, `cluster-${Date.now()}`);
  const databaseUrl = process.env.DATABASE_URL!;
  const [a, b] = await Promise.all([
    startInstance(3001, { databaseUrl, dataDir: path.join(dir, "a"), env }),
    startInstance(3002, { databaseUrl, dataDir: path.join(dir, "b"), env }),
  ]);
  running.push(a, b);
  const nginx = await startNginx(path.join(dir, "nginx"));
  running.push(nginx);
  return { a, b, nginx };
}

async function adminSession(): Promise<{ userId: string; cookie: string; sessionId: string }> {
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@hoinghi.local" }, select: { id: true } });
  const res = await createUserSession(admin.id, "/conferences");
  const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
  const sessionId = (await requestSessionId(new Request("http://localhost/", { headers: { Cookie: cookie } })))!;
  return { userId: admin.id, cookie, sessionId };
}

/** A conference with `count` new attendees holding genuine invitations; their ids and tokens. */
async function conferenceWith(count: number, tag: string) {
  const conference = await prisma.conference.findFirstOrThrow({
    // A scheduled conference: an invitation needs its start and end for the calendar entry.
    where: { kind: "CONFERENCE", status: { not: "CANCELLED" }, startsAt: { not: null }, endsAt: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const keys = deriveSigningKeys(secret);
  const ck = conferenceKeyFor(conference.id);
  const people = Array.from({ length: count }, (_, i) => {
    const { token, invitationKey } = issueToken(keys, ck);
    return {
      id: `${tag}${i}`,
      conferenceId: conference.id,
      name: `Đại biểu ${tag} ${i}`,
      position: "Chuyên viên",
      organizationName: "UBND xã",
      email: `${tag}${i}@example.vn`,
      token,
      invitationKey,
    };
  });
  for (let i = 0; i < people.length; i += 1000) await prisma.attendee.createMany({ data: people.slice(i, i + 1000) });
  return { conferenceId: conference.id, people };
}

describe.runIf(onPostgres)("two instances behind nginx on one PostgreSQL database", () => {
  it("checks 10,000 scans from 50 scanners in exactly once while one instance is killed", async () => {
    const { conferenceId, people } = await conferenceWith(9_000, "door");
    const { userId, sessionId } = await adminSession();
    const now = Date.now();
    const credential = encodeScannerCredential(secret, {
      conferenceId,
      listId: null,
      userId,
      sessionId,
      issuedAt: now,
      expiresAt: now + 3_600_000,
    });
    // Every attendee once, and 1,000 of them a second time (another door, later), in a shuffled order.
    const tokens = people.map((p) => p.token);
    for (let i = 0; i < 1_000; i++) tokens.push(people[(i * 7919) % people.length]!.token);
    for (let i = tokens.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
    }
    const { a, nginx } = await pair();
    const answers = new Map<string, string>();
    let retries = 0;
    let answered = 0;
    let killed: Promise<void> | null = null;
    const scanner = async (device: number) => {
      for (let k = device; k < tokens.length; k += 50) {
        const nonce = `door-${device}-${k}`;
        const body = JSON.stringify({
          token: tokens[k],
          deviceId: `door-${device}`,
          nonce,
          scannedAt: new Date().toISOString(),
        });
        for (let attempt = 0; ; attempt++) {
          try {
            const res = await fetch(`${nginx.url}/api/checkin`, {
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${credential}` },
              body,
            });
            const json = (await res.json()) as { result?: string };
            if (res.status === 200 && json.result) {
              answers.set(nonce, json.result);
              break;
            }
            if (res.status < 500) throw new Error(`scan ${nonce}: HTTP ${res.status} ${JSON.stringify(json)}`);
          } catch (error) {
            if (error instanceof Error && error.message.startsWith("scan ")) throw error;
          }
          // The same scan again (same nonce), as the scanner's offline queue does.
          retries++;
          if (attempt > 100) throw new Error(`scan ${nonce} never answered`);
          await sleep(50);
        }
        if (++answered === 3_000) killed = a.kill();
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, d) => scanner(d)));
    await killed;
    expect(answers.size).toBe(10_000);
    const results = [...answers.values()];
    expect(results.filter((r) => r === "accepted")).toHaveLength(9_000);
    expect(results.filter((r) => r === "duplicate")).toHaveLength(1_000);
    const db = openTestDb();
    try {
      expect(
        await db.count(
          `SELECT COUNT(*) AS n FROM "Attendance" WHERE "conferenceId" = ? AND "attendeeId" LIKE 'door%' AND "status" <> 'ABSENT'`,
          conferenceId,
        ),
      ).toBe(9_000);
      expect(
        await db.count(
          `SELECT COUNT(*) AS n FROM "CheckinScan" WHERE "conferenceId" = ? AND "deviceId" LIKE 'door-%'`,
          conferenceId,
        ),
      ).toBe(10_000);
      expect(
        await db.count(
          `SELECT COUNT(DISTINCT "nonce") AS n FROM "CheckinScan" WHERE "conferenceId" = ? AND "deviceId" LIKE 'door-%'`,
          conferenceId,
        ),
      ).toBe(10_000);
    } finally {
      await db.close();
    }
    console.log(`multi-instance check-in: 10,000 scans, ${retries} retries after the kill`);
  }, 240_000);

  it("sends 2,000 invitations once each (by Message-ID) while both instances drain and one is killed", async () => {
    const smtp = await startSmtp();
    try {
      const { conferenceId, people } = await conferenceWith(2_000, "mail");
      await queueInvitations({
        conferenceId,
        kind: "INVITATION",
        version: 0,
        attendeeIds: people.map((p) => p.id),
        subject: "Giấy mời",
      });
      const queued = await prisma.outboxMessage.findMany({
        where: { attendeeId: { in: people.map((p) => p.id) } },
        select: { messageId: true },
      });
      expect(queued).toHaveLength(2_000);
      const { a } = await pair({ SMTP_URL: smtp.url });
      const deadline = Date.now() + 60_000;
      while (smtp.received.length < 500 && Date.now() < deadline) await sleep(20);
      await a.kill();
      const expected = new Set(queued.map((q) => q.messageId));
      const distinct = () => new Set(smtp.received.map((r) => r.messageId).filter((id) => expected.has(id)));
      const end = Date.now() + 150_000;
      while (distinct().size < 2_000 && Date.now() < end) await sleep(200);
      expect(distinct().size).toBe(2_000);
      const copies = smtp.received.filter((r) => expected.has(r.messageId)).length - 2_000;
      // Recorded as sent, every one of them.
      expect(
        await prisma.outboxMessage.count({
          where: { attendeeId: { in: people.map((p) => p.id) }, status: "SENT" },
        }),
      ).toBe(2_000);
      console.log(`multi-instance mail: 2,000 Message-IDs delivered; ${copies} second copies after the kill`);
    } finally {
      await smtp.close();
    }
  }, 240_000);

  it("builds a packet on A and serves it from B; opens on B a file uploaded on A; refuses at B a revocation made on A", async () => {
    const { a, b, nginx } = await pair();
    // A browser posts its forms through nginx with an Origin naming nginx's own port (8080): the Host
    // forwarded to the instance must keep that port, or every form would be refused as cross-origin (403).
    const login = await fetch(`${nginx.url}/login`, {
      method: "POST",
      headers: { origin: nginx.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "admin@hoinghi.local", password: DEMO_PASSWORD }).toString(),
      redirect: "manual",
    });
    expect(login.status, await login.text()).toBe(302);
    const { cookie } = await adminSession();
    const post = (base: string, path: string, body: FormData | URLSearchParams) =>
      fetch(`${base}${path}`, { method: "POST", headers: { cookie, origin: base }, body, redirect: "manual" });

    // A packet: the build is asked of A, its progress and its PDF come from B.
    const conference = await prisma.conference.findFirstOrThrow({
      where: { scoringRoundId: { not: null } },
      select: { id: true },
    });
    const build = await post(a.url, `/conferences/${conference.id}/packet`, new URLSearchParams({ intent: "build" }));
    expect(build.status, build.headers.get("location") ?? "").toBe(200);
    let status = "";
    for (const end = Date.now() + 60_000; status !== "ready" && Date.now() < end;) {
      const res = await fetch(`${b.url}/conferences/${conference.id}/packet.json`, { headers: { cookie } });
      status = ((await res.json()) as { status?: string } | null)?.status ?? "";
      if (status === "failed") throw new Error("packet build failed");
      if (status !== "ready") await sleep(200);
    }
    expect(status).toBe("ready");
    const pdf = await fetch(`${b.url}/conferences/${conference.id}/packet.pdf`, { headers: { cookie } });
    expect(pdf.status).toBe(200);
    const packet = Buffer.from(await pdf.arrayBuffer());
    expect(packet.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // An evidence file uploaded through A opens through B (their data directories differ).
    const action = await prisma.remediationAction.findFirstOrThrow({ select: { id: true, planId: true } });
    const form = new FormData();
    form.set("intent", "upload-evidence");
    form.set("actionId", action.id);
    form.set("file", new Blob([packet], { type: "application/pdf" }), "bien-ban.pdf");
    const upload = await post(a.url, `/remediation/${action.planId}`, form);
    expect([200, 302, 303]).toContain(upload.status);
    const evidence = await prisma.evidenceFile.findFirstOrThrow({
      where: { actionId: action.id, fileName: "bien-ban.pdf" },
      select: { id: true },
    });
    const opened = await fetch(`${b.url}/remediation/evidence/${evidence.id}`, { headers: { cookie } });
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer()).equals(packet)).toBe(true);

    // A revocation (the invitee names a substitute on A) is enforced at B's door within two seconds,
    // although B had already seen this invitation (its caches are warm).
    const { conferenceId, people } = await conferenceWith(1, "rev");
    const invitee = people[0]!;
    const { userId, sessionId } = await adminSession();
    const now = Date.now();
    const credential = encodeScannerCredential(secret, {
      conferenceId,
      listId: null,
      userId,
      sessionId,
      issuedAt: now,
      expiresAt: now + 3_600_000,
    });
    const scan = async (nonce: string) => {
      const res = await fetch(`${b.url}/api/checkin`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${credential}` },
        body: JSON.stringify({ token: invitee.token, deviceId: "door-b", nonce, scannedAt: new Date().toISOString() }),
      });
      return (await res.json()) as { result: string; reason?: string };
    };
    expect((await scan("before")).result).toBe("accepted");
    const revokedAt = Date.now();
    const substitute = await post(
      a.url,
      `/i/${invitee.token}`,
      new URLSearchParams({
        intent: "substitute",
        name: "Trần Văn Thay",
        position: "Phó Chủ tịch",
        email: "thay@example.vn",
      }),
    );
    expect(substitute.status).toBe(200);
    const after = await scan("after");
    expect(Date.now() - revokedAt).toBeLessThan(2_000);
    expect(after).toMatchObject({ result: "rejected", reason: "revoked" });
    for (const instance of [a, b]) expect(instance.stderr()).not.toMatch(/Error|at \S+ \(/);
  }, 180_000);
});

describe.runIf(!onPostgres)("two instances behind nginx", () => {
  it("run in the PostgreSQL pass (npm run test:pg)", () => {
    expect(fs.existsSync(path.resolve(import.meta.dirname, "../../docs/deploy/nginx-hoinghi.conf"))).toBe(true);
  });
});
