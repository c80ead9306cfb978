// The client's address as the production server saw it. scripts/serve.js sets this header on every
// request before Remix runs (overwriting whatever the client sent), from the socket, or from
// X-Forwarded-For when TRUST_PROXY names the load balancer in front of it.
export const CLIENT_IP_HEADER = "x-hoinghi-client-ip";

export function clientIp(request: Request): string | null {
  return request.headers.get(CLIENT_IP_HEADER) || null;
}
