// The scanner's counter, polled from the list's counts route while online (the same answer also carries
// the revoked invitations for the offline check).

import type { ListCounts } from "#app/checkin/types.ts";

/** The list's counts and revoked invitation keys, or null when offline or the server did not answer. */
export async function fetchCounts(base: string): Promise<(ListCounts & { revokedKeys: string[] }) | null> {
  if (typeof navigator !== "undefined" && !navigator.onLine) return null;
  try {
    const response = await fetch(`${base}/counts`, { cache: "no-store", headers: { accept: "application/json" } });
    if (!response.ok) return null;
    return (await response.json()) as ListCounts & { revokedKeys: string[] };
  } catch {
    // Offline: the counter keeps its last value.
    return null;
  }
}
