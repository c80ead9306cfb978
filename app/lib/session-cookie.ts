// The session cookie's name: app/auth/session.server.ts sets it, and the edge (app/http/edge-page.server.ts)
// leaves a request that carries it to Remix (a signed-in visitor's page shows the header), so both read
// it here: changed in one place only, the edge would serve signed-in users the visitor's page.
export const SESSION_COOKIE_NAME = "hn_session";

const carriesSession = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE_NAME}=`);

/** True when a Cookie header carries the session cookie (whatever its value). */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return cookieHeader !== undefined && carriesSession.test(cookieHeader);
}
