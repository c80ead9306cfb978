import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEdgeHandler } from "#app/http/edge.server.ts";
import { CLIENT_IP_HEADER, clientIp } from "#app/lib/client-ip.server.ts";

// The edge that scripts/serve.js puts before every handler sets x-hoinghi-client-ip from the socket,
// overwriting what the client sent; X-Forwarded-For counts only with TRUST_PROXY=true (its last
// entry: the one our load balancer appended). The audit trail and the login throttle read it.

const servers: http.Server[] = [];

/** An edge in front of a handler that answers with the headers it was given. */
async function edge(trustProxy: boolean): Promise<string> {
  const echo = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(req.headers));
  };
  const handle = createEdgeHandler({ checkin: echo, app: echo, log: () => undefined, trustProxy });
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let direct: string;
let proxied: string;

beforeAll(async () => {
  direct = await edge(false);
  proxied = await edge(true);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function seen(base: string, path: string, headers: Record<string, string> = {}): Promise<Record<string, string>> {
  return (await (await fetch(`${base}${path}`, { headers })).json()) as Record<string, string>;
}

describe("client address header", () => {
  it("comes from the socket, whatever the client claims", async () => {
    for (const path of ["/login", "/api/checkin"]) {
      const h = await seen(direct, path, { [CLIENT_IP_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.7" });
      expect(h[CLIENT_IP_HEADER], path).toBe("127.0.0.1");
      expect(clientIp(new Request("http://x/", { headers: { [CLIENT_IP_HEADER]: h[CLIENT_IP_HEADER]! } }))).toBe(
        "127.0.0.1",
      );
    }
  });

  it("drops forwarding headers nobody vouches for", async () => {
    const h = await seen(direct, "/login", {
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(h["x-forwarded-for"]).toBeUndefined();
    expect(h["x-forwarded-host"]).toBeUndefined();
    expect(h["x-forwarded-proto"]).toBeUndefined();
  });

  it("with TRUST_PROXY=true, takes the address the load balancer appended to X-Forwarded-For", async () => {
    const h = await seen(proxied, "/login", {
      [CLIENT_IP_HEADER]: "203.0.113.9",
      "x-forwarded-for": "10.9.9.9, 198.51.100.7",
    });
    expect(h[CLIENT_IP_HEADER]).toBe("198.51.100.7");
    // Without a usable X-Forwarded-For, the socket again.
    expect((await seen(proxied, "/login", { "x-forwarded-for": "not-an-address" }))[CLIENT_IP_HEADER]).toBe(
      "127.0.0.1",
    );
    expect((await seen(proxied, "/login"))[CLIENT_IP_HEADER]).toBe("127.0.0.1");
  });
});
