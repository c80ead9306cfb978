import crypto from "node:crypto";

/** A random, URL-safe key for an operator link (/b/:key) or a self check-in poster (/d/:key). */
export function newBridgeKey(): string {
  return crypto.randomBytes(16).toString("base64url");
}

/** Keys are 22 base64url characters; anything else is refused before a database lookup. */
export function isBridgeKeyShape(key: string | null | undefined): key is string {
  return typeof key === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(key);
}
