import type { MetaDescriptor } from "@remix-run/node";

/** Operator-link pages: the address holds the access key, so no indexing and no referrer to the video service. */
export function operatorPageMeta(title: string): MetaDescriptor[] {
  return [{ title }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];
}
