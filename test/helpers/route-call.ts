import { sessionStorage } from "#app/auth/session.server.ts";
import type { Role } from "#app/auth/roles.ts";
import { prisma } from "#app/database/db.server.ts";
import { CLIENT_IP_HEADER } from "#app/lib/client-ip.server.ts";

// Calling a route module's loader or action the way Remix does, as a signed-in person: the status and
// the body it answered (a thrown Response included).

const BASE = "http://localhost";
const IP = "203.0.113.9";

export interface Person {
  id: string;
  organizationId: string;
  cookie: string;
}

export async function signIn(email: string): Promise<Person> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, organizationId: true } });
  const session = await prisma.session.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 3600_000) },
    select: { id: true },
  });
  const cookie = await sessionStorage.getSession();
  cookie.set("sessionId", session.id);
  const header = await sessionStorage.commitSession(cookie);
  return { ...user, cookie: header.split(";")[0]! };
}

let made = 0;
export async function newPerson(organizationId: string, role: Role): Promise<Person> {
  made += 1;
  const u = await prisma.user.create({
    data: {
      email: `nguoi${made}.${role.toLowerCase()}.${Date.now()}@route-call.test`,
      name: `Người thử ${role}`,
      organizationId,
      roles: { create: [{ role }] },
    },
    select: { email: true },
  });
  return signIn(u.email);
}

export type RouteFn = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => Promise<unknown>;

export interface Called {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the route answered
  body: any;
}

export async function call(fn: unknown, request: Request, params: Record<string, string>): Promise<Called> {
  try {
    const result = await (fn as RouteFn)({ request, params, context: {} });
    if (result instanceof Response) {
      const text = await result.text();
      const json = result.headers.get("Content-Type")?.includes("json") ? (JSON.parse(text) as unknown) : text;
      return { status: result.status, body: json };
    }
    const r = result as { type?: string; data?: unknown; init?: { status?: number } | null };
    if (r && typeof r === "object" && r.type === "DataWithResponseInit")
      return { status: r.init?.status ?? 200, body: r.data };
    return { status: 200, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() };
    throw thrown;
  }
}

export const get = (path: string, who: Person) =>
  new Request(`${BASE}${path}`, { headers: { Cookie: who.cookie, [CLIENT_IP_HEADER]: IP } });

export function post(path: string, who: Person, fields: Record<string, string> | FormData): Request {
  const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { Cookie: who.cookie, [CLIENT_IP_HEADER]: IP },
  });
}
