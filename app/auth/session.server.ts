import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { prisma } from "#app/database/db.server.ts";
import { env } from "#app/env.server.ts";
import type { Role } from "#app/auth/roles.ts";
import { organizationScope } from "#app/auth/organization-scope.server.ts";
import { clientIp } from "#app/lib/client-ip.server.ts";
import { noteUser } from "#app/lib/request-context.server.ts";
import { SESSION_COOKIE_NAME } from "#app/lib/session-cookie.ts";
import { recordAudit, userActor } from "#app/database/audit.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";

const SESSION_DAYS = 30;
const SESSION_KEY = "sessionId";

export const sessionStorage = createCookieSessionStorage({
  cookie: {
    name: SESSION_COOKIE_NAME,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().COOKIE_SECURE ? env().COOKIE_SECURE === "true" : env().NODE_ENV === "production",
    secrets: [env().SESSION_SECRET],
    maxAge: SESSION_DAYS * 24 * 3600,
  },
});

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  organizationName: string;
  roles: Role[];
  /** Organisations whose conferences this user may see: their own, and for admins everything below it. */
  visibleOrganizationIds: string[];
  /** The address the request came from (for the audit trail); null outside the production server. */
  ip: string | null;
}

async function readSessionId(request: Request): Promise<string | undefined> {
  const session = await sessionStorage.getSession(request.headers.get("Cookie"));
  const id = session.get(SESSION_KEY);
  return typeof id === "string" ? id : undefined;
}

const userSelect = {
  id: true,
  email: true,
  name: true,
  active: true,
  organizationId: true,
  organization: { select: { name: true } },
  roles: { select: { role: true } },
} as const;

async function toCurrentUser(
  u: {
    id: string;
    email: string;
    name: string;
    organizationId: string;
    organization: { name: string };
    roles: Array<{ role: Role }>;
  },
  ip: string | null = null,
): Promise<CurrentUser> {
  const roles = u.roles.map((r) => r.role);
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    organizationId: u.organizationId,
    organizationName: u.organization.name,
    roles,
    visibleOrganizationIds: await organizationScope(u.organizationId, roles.includes("ADMIN")),
    ip,
  };
}

/** The signed-in user's identity and scope, for an active account; null otherwise. */
export async function currentUserByEmail(email: string): Promise<CurrentUser | null> {
  const u = await prisma.user.findUnique({ where: { email }, select: userSelect });
  return u?.active ? toCurrentUser(u) : null;
}

// The root loader and the route's loader both ask for the user of the same
// request; remember the answer so the session and scope are read once. Remix
// hands each loader its own copy of the Request but they share one AbortSignal,
// so the signal identifies the incoming request.
const userByRequest = new WeakMap<AbortSignal, Promise<CurrentUser | null>>();

export function getUser(request: Request): Promise<CurrentUser | null> {
  let user = userByRequest.get(request.signal);
  if (!user) {
    user = loadUser(request);
    userByRequest.set(request.signal, user);
  }
  return user;
}

async function loadUser(request: Request): Promise<CurrentUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: userSelect } },
  });
  if (!session || session.expiresAt < new Date() || !session.user.active) return null;
  // The request's log line names who made it.
  noteUser(request, session.user.id);
  return toCurrentUser(session.user, clientIp(request));
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const to = `${url.pathname}${url.search}`;
  throw redirect(`/login?redirectTo=${encodeURIComponent(to)}`);
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  if (!user) loginRedirect(request);
  return user;
}

/**
 * Opens a session and redirects with its cookie. `record` runs inside the transaction that creates
 * the session (the sign-in's audit row), so that there is never one without the other.
 */
export async function createUserSession(
  userId: string,
  redirectTo: string,
  record?: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<Response> {
  const session = await prisma.$transaction(async (tx) => {
    const created = await tx.session.create({
      data: { userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000) },
      select: { id: true },
    });
    await record?.(tx);
    return created;
  });
  const cookie = await sessionStorage.getSession();
  cookie.set(SESSION_KEY, session.id);
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionStorage.commitSession(cookie) } });
}

/** Ends the session (recording the sign-out in the audit trail) and clears the cookie. */
export async function logout(request: Request): Promise<Response> {
  const sessionId = await readSessionId(request);
  if (sessionId) {
    await prisma.$transaction(async (tx) => {
      const session = await tx.session.findUnique({
        where: { id: sessionId },
        select: { user: { select: { id: true, name: true, email: true, organizationId: true } } },
      });
      if (!session) return;
      await tx.session.delete({ where: { id: sessionId } });
      const { user } = session;
      await recordAudit(tx, userActor({ ...user, ip: clientIp(request) }), {
        action: "auth.logout",
        entity: "User",
        entityId: user.id,
        summary: `Đăng xuất: ${user.email}`,
        organizationId: user.organizationId,
      });
    });
  }
  const cookie = await sessionStorage.getSession(request.headers.get("Cookie"));
  return redirect("/login", { headers: { "Set-Cookie": await sessionStorage.destroySession(cookie) } });
}

// Any origin will do as long as no real site has it: a path resolved against it must keep it.
const SAME_ORIGIN = "http://same-origin.invalid";
// Browsers read "\" as "/" and drop tabs and newlines inside a URL, so "/\evil.example/" and
// "/\t/evil.example/" both become "//evil.example/", another site. Refuse them outright, raw or
// percent-encoded, rather than trust every browser to parse them as we do.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_RAW = /[\\\s\u0000-\u001f\u007f-\u009f]/u;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_DECODED = /[\\\u0000-\u001f\u007f-\u009f]/u;

/** Only same-origin paths, so a crafted link cannot send people to another site after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/conferences"): string {
  if (typeof to !== "string" || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || UNSAFE_RAW.test(to)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  if (decoded.startsWith("//") || UNSAFE_DECODED.test(decoded)) return fallback;
  let url: URL;
  try {
    url = new URL(to, SAME_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== SAME_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
