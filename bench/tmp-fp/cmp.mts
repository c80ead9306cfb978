import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { openBenchDb, prepareScanDatabase } from "#bench/lib/checkin-data.ts";
import { startApp } from "#bench/lib/servers.ts";
const file = "/tmp/fp/app.db";
fs.rmSync(file, { force: true });
const { tokens, conferenceId } = await prepareScanDatabase(`file:${file}`, 20);
const db = openBenchDb(`file:${file}`);
const keys = [1, 2].map(() => ({ access: randomBytes(16).toString("base64url"), poster: randomBytes(16).toString("base64url") }));
for (const [j, k] of keys.entries())
  await db.all(`INSERT INTO "BridgePoint" ("id", "conferenceId", "position", "name", "address", "videoLink", "accessKey", "posterKey") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    `bb${j}`, conferenceId, 1000 + j, `Điểm cầu UBND xã "Thử" <Nghiệm> & ${j}`, j ? "" : `Trụ sở UBND xã ${j}`, j ? "" : `https://hop.quangnam.gov.vn/j/cchc-${j}`, k.access, k.poster);
await db.close();
const app = await startApp({ root: "/work/main", databaseFile: file, env: {} });
const norm = (s: string) => s.replace(/nonce="[^"]+"/g, 'nonce="N"').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "UUID");
const paths = [...tokens.slice(0, 2).map((t) => `/i/${t}`), ...keys.map((k) => `/d/${k.poster}`), ...keys.map((k) => `/b/${k.access}`)];
for (const p of paths) {
  const a = await fetch(`${app.baseUrl}${p}`, { headers: { "accept-encoding": "identity" } });
  const b = await fetch(`${app.baseUrl}${p}`, { headers: { "accept-encoding": "identity", cookie: "hn_session=x" } });
  const [x, y] = [norm(await a.text()), norm(await b.text())];
  console.log(p.slice(0, 3), a.status, a.headers.get("server-timing"), b.status, b.headers.get("server-timing"), x === y);
  const tag = p.slice(1, 2);
  fs.writeFileSync(`/tmp/fp/${tag}-fast.html`, x); fs.writeFileSync(`/tmp/fp/${tag}-remix.html`, y);
}
console.log(app.stderr());
await app.stop();
