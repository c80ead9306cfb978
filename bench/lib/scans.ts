/**
 * autocannon requests where each request is a new scan: the next token in turn, a fresh nonce, now.
 * The first pass over the tokens is accepted, later passes are duplicates.
 */
export function scanRequests(
  tokens: string[],
  device: string,
  path = "/api/checkin",
  field: "token" | "attendeeId" = "token",
) {
  let i = 0;
  return [
    {
      method: "POST" as const,
      path,
      setupRequest(req: { body?: string }) {
        const n = i++;
        req.body = `{"${field}":"${tokens[n % tokens.length]}","deviceId":"${device}","nonce":"${device}-${n}","scannedAt":"${new Date().toISOString()}"}`;
        return req;
      },
    },
  ];
}
