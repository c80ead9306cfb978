// The request log must not hold credentials. Several URLs carry one: an attendee's invitation
// (/i/<token>), a bridge operator's link (/b/<key>), a bridge's self check-in poster (/d/<key>, whose
// `q` is the attendee's short code), and the connectivity test's `?k=<bridge key>`. Anyone who can
// read the log (hosting staff, a log shipper) could otherwise act as those people.

export const REDACTED = "[ẩn]";

/** Query parameters whose value is a secret wherever they appear. */
const SECRET_PARAMS = new Set(["k", "key", "token", "t", "credential", "code", "nonce", "secret", "password", "q"]);

/**
 * /i/<token>, /b/<key>, /d/<key>, also as single-fetch data URLs (/i/<token>.data). Route matching
 * ignores case and repeated slashes, so the log does too.
 */
const TOKEN_SEGMENT = /^\/+([ibd])\/+([^/?#]+?)(\.data)?(?=\/|$)/i;

/** Percent-encoded paths (/%69/<token>) reach the same route: recognise them decoded. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function decodedParam(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function redactPath(path: string): { path: string; token: boolean } {
  if (!TOKEN_SEGMENT.test(path) && TOKEN_SEGMENT.test(decodedPath(path))) path = decodedPath(path);
  const token = TOKEN_SEGMENT.test(path);
  return {
    path: path.replace(
      TOKEN_SEGMENT,
      (_m, kind: string, _secret: string, data: string | undefined) => `/${kind}/${REDACTED}${data ?? ""}`,
    ),
    token,
  };
}

/** The path and query of a request URL, as the log may show it. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  const { path, token } = redactPath(q === -1 ? url : url.slice(0, q));
  const query = q === -1 ? "" : url.slice(q + 1);
  if (!query) return path;
  // A token page's query is the page's business (e.g. a search by short code): none of it is logged.
  if (token) return `${path}?${REDACTED}`;
  const parts = query.split("&").map((pair) => {
    const eq = pair.indexOf("=");
    if (eq === -1) return pair;
    const name = pair.slice(0, eq);
    if (SECRET_PARAMS.has(decodedParam(name).toLowerCase())) return `${name}=${REDACTED}`;
    // Paths in parameters: Remix's route discovery (/__manifest?p=/i/<token>) and redirectTo.
    const value = redactPath(decodedParam(pair.slice(eq + 1)));
    return value.token ? `${name}=${value.path}` : pair;
  });
  return `${path}?${parts.join("&")}`;
}
