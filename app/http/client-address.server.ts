// Who sent a request, for the audit trail and the login throttle: the socket's address, or, behind a
// load balancer the operator vouches for (TRUST_PROXY=true), the address that load balancer appended
// to X-Forwarded-For. Set on every request before any handler runs, overwriting whatever the client
// sent in the same header; the app reads it through clientIp(request).
import type { IncomingMessage } from "node:http";
import net from "node:net";
import { CLIENT_IP_HEADER } from "#app/lib/client-ip.server.ts";

/** Headers a client can forge; honoured only from a trusted proxy. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto"] as const;

function normalise(address: string): string {
  // IPv4 clients of a dual-stack socket show as ::ffff:a.b.c.d.
  return address.startsWith("::ffff:") && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const socket = normalise(req.socket.remoteAddress ?? "");
  if (!trustProxy) return socket;
  // The right-most entry is the one our load balancer added; the ones before it came from the client.
  const forwarded = firstHeader(req.headers["x-forwarded-for"])
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const last = forwarded?.[forwarded.length - 1];
  return last && net.isIP(normalise(last)) ? normalise(last) : socket;
}

/** Sets CLIENT_IP_HEADER and, when no proxy is trusted, removes the forwarding headers a client may have forged. */
export function applyClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  req.headers[CLIENT_IP_HEADER] = clientAddress(req, trustProxy);
  if (!trustProxy) for (const name of FORWARDING_HEADERS) delete req.headers[name];
}
