import { ADMIN_EMAIL, ADMIN_PASSWORD } from "#bench/lib/database.ts";

/** Signs in as the admin and returns the Cookie header value for later requests. */
export async function signIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, redirectTo: "/conferences" }).toString(),
    redirect: "manual",
  });
  await res.arrayBuffer();
  if (res.status !== 302) throw new Error(`POST /login answered ${res.status}, expected 302`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("hn_session="));
  if (!session) throw new Error("POST /login set no hn_session cookie");
  return session;
}

/**
 * Fetches the list page once and proves it is the real thing (signed in, all rows
 * counted); a silent redirect to /login would otherwise be benchmarked as a fast page.
 * Asks for an uncompressed body because that is what autocannon will receive.
 */
export async function fetchConferenceList(baseUrl: string, cookie: string, expectedTotal: string): Promise<Buffer> {
  const res = await fetch(`${baseUrl}/conferences`, {
    headers: { cookie, "accept-encoding": "identity" },
    redirect: "manual",
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET /conferences answered ${res.status}, expected 200 (not signed in?)`);
  // React separates adjacent text nodes with <!-- --> in server HTML.
  const text = body.toString("utf8").replaceAll("<!-- -->", "");
  const marker = `${expectedTotal} kế hoạch`;
  if (!text.includes(marker)) throw new Error(`GET /conferences does not show "${marker}"; wrong page or wrong data`);
  return body;
}
