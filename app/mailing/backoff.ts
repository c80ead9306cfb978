// Retry schedule of the outbox: 30 s, 1 min, 2 min … capped at 1 h; after
// MAX_ATTEMPTS a message stays FAILED until someone re-sends it.
export const MAX_ATTEMPTS = 8;

export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export function messageIdFor(kind: string, version: number, attendeeId: string): string {
  return `<${kind.toLowerCase()}-${version}-${attendeeId}@hoinghi.local>`;
}
