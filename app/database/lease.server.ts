import crypto from "node:crypto";
import os from "node:os";
import { env, isPostgresUrl } from "#app/env.server.ts";

// Claims with a lease, shared by the outbox and the job table: a row being worked on names its owner
// and a time until which the claim holds. The owner renews the lease while it works; once a lease has
// run out (the owner died), any instance may put the row back in the queue. A live owner's claim is
// never taken: it renews well before the lease ends.

/** Long enough to ride out a slow query or a GC pause, short enough that a dead instance's work resumes soon. */
export const DEFAULT_LEASE_MS = 30_000;

/** A claim owner unique to this process and worker: host, process id and a random part. */
export function newClaimOwner(label: string): string {
  return `${label}:${os.hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
}

/** Whether the process's database is PostgreSQL (claims then use FOR UPDATE SKIP LOCKED). */
export function onPostgres(): boolean {
  return isPostgresUrl(env().DATABASE_URL);
}

/** `$from, $from+1, …` placeholders for a raw IN list. */
export function placeholders(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(", ");
}
