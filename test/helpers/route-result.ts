/**
 * What a loader or action returned, as the Response Remix would send: a Response as it is, Remix's
 * `data(body, init)` (what `reply`/`formReply` return) as JSON with its status and headers, anything
 * else as JSON with status 200. For tests that call a route module's function directly.
 */
export function toResponse(value: unknown): Response {
  if (value instanceof Response) return value;
  if (
    value &&
    typeof value === "object" &&
    (value as { type?: unknown }).type === "DataWithResponseInit" &&
    "data" in value
  ) {
    const { data, init } = value as { data: unknown; init: ResponseInit | null };
    return Response.json(data, init ?? undefined);
  }
  return Response.json(value);
}
