import { env } from "#app/env.server.ts";

/** The sender of every message, from MAIL_FROM ("Name <address>" or a bare address). */
export function fromAddress(): { name: string; address: string } {
  const m = env().MAIL_FROM.match(/^\s*(.*?)\s*<([^>]+)>\s*$/);
  return m ? { name: m[1]!, address: m[2]! } : { name: "Hội nghị CCHC", address: env().MAIL_FROM };
}
