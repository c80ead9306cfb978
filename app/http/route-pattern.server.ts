// The route pattern of a request (/i/:token, /conferences/:id/agenda), for its log line and metrics: a
// label that names the page without the ids and secrets in its URL, and of which there are as many as
// routes, not as many as URLs. Matched as Remix matches, from the build's route manifest.
import { matchRoutes } from "@remix-run/react";
import type { ServerBuild } from "@remix-run/node";

type RouteTree = Parameters<typeof matchRoutes>[0];
type Manifest = ServerBuild["routes"];

function tree(manifest: Manifest, byParent: Map<string | undefined, Manifest[string][]>, parentId?: string): RouteTree {
  return (byParent.get(parentId) ?? []).map((r) =>
    r.index
      ? { id: r.id, index: true, path: r.path, caseSensitive: r.caseSensitive }
      : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: tree(manifest, byParent, r.id) },
  );
}

/** A route's full pattern: its ancestors' paths and its own. */
function patternOf(manifest: Manifest, id: string): string {
  const parts: string[] = [];
  for (let r = manifest[id]; r; r = r.parentId ? manifest[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
  return `/${parts.join("/")}`.replace(/\/{2,}/g, "/");
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const RECENT_PATHS = 2_000;

/** Every fixed segment of every route's path ("conferences", "letter.pdf"), as matching compares them. */
function staticSegments(manifest: Manifest): Set<string> {
  // The root's data requests (/_root.data) are matched as "/", not as a parameter.
  const out = new Set<string>(["_root"]);
  for (const r of Object.values(manifest))
    for (const segment of (r.path ?? "").split("/"))
      if (segment && !segment.startsWith(":") && segment !== "*") out.add(segment.replace(/\?$/, "").toLowerCase());
  return out;
}

/**
 * What a path's match depends on: React Router matches a segment either as one of the routes' fixed
 * segments (case aside) or as a parameter that takes any text, so every segment that is no fixed segment
 * matches alike and stands as "\0" here. /i/<10,000 tokens> is one shape, /conferences/<id>/agenda one.
 */
function shapeOf(pathname: string, statics: Set<string>): string {
  const data = pathname.endsWith(".data");
  const segments = (data ? pathname.slice(0, -".data".length) : pathname).split("/");
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (!s) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(s).toLowerCase();
    } catch {
      return pathname;
    }
    if (!statics.has(decoded)) segments[i] = "\0";
  }
  return segments.join("/") + (data ? ".data" : "");
}

export type RoutePatternOf = (pathname: string) => string;

export interface RouteSource {
  routes: ServerBuild["routes"];
  assets: { url: string };
}

/**
 * `pathname` (no query) → pattern. Single-fetch data requests (/conferences/1.data, /_root.data) keep
 * their ".data" so a page and its data loads are told apart; the assets folder is one label; a path
 * no route matches is "(none)" (Remix's splat route, when there is one, matches everything else).
 */
export function routePatterns(build: RouteSource): RoutePatternOf {
  const manifest = build.routes;
  const byParent = new Map<string | undefined, Manifest[string][]>();
  for (const r of Object.values(manifest)) {
    const siblings = byParent.get(r.parentId) ?? [];
    siblings.push(r);
    byParent.set(r.parentId, siblings);
  }
  const routes = tree(manifest, byParent);
  const patterns = new Map(Object.keys(manifest).map((id) => [id, patternOf(manifest, id)]));
  // The folder of the build's files (/assets/), where its manifest is.
  const assets = build.assets.url.slice(0, build.assets.url.lastIndexOf("/") + 1);
  // React Router ranks the whole route tree on every match (about half a millisecond here, as much as a
  // whole check-in, or as an invitation page the edge answers): answers are kept per path shape. Routes
  // never change in a process, so an answer never goes stale; the map is emptied when full, so a crawl of
  // distinct shapes cannot grow it.
  const recent = new Map<string, string>();
  const statics = staticSegments(manifest);
  return (pathname) => {
    // Answered by prefix, before shapes (the build's files are no route's segments).
    if (pathname.startsWith(assets)) return `${assets}*`;
    if (pathname === "/__manifest") return pathname;
    const key = shapeOf(pathname, statics);
    const known = recent.get(key);
    if (known !== undefined) return known;
    const pattern = patternFor(pathname);
    if (recent.size >= RECENT_PATHS) recent.clear();
    recent.set(key, pattern);
    return pattern;
  };

  function patternFor(pathname: string): string {
    const data = pathname.endsWith(".data");
    const path = data ? pathname.slice(0, -".data".length).replace(/^\/_root$/, "/") : pathname;
    // React Router warns on the console, URL included, about a path it cannot decode: none is matched here.
    if (!decodable(path)) return "(none)";
    const id = matchRoutes(routes, path)?.at(-1)?.route.id;
    const pattern = (id && patterns.get(id)) ?? "(none)";
    if (!data) return pattern;
    return pattern === "/" ? "/_root.data" : `${pattern}.data`;
  }
}
