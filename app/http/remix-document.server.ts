// Remix's document around a page body rendered without React: what <RemixServer> writes for a visitor
// who is not signed in (app/root.tsx's layout with <Meta>, <Links>, <ScrollRestoration>, <Scripts> and the
// single-fetch stream of the loader data), byte for byte, so the browser hydrates it as if Remix had
// rendered it: same scripts, same data, same markup. Serves the pages opened by thousands of people
// within minutes (the invitation page), where Remix's own render costs 5–8 ms of CPU a request.
// test/integration/invitation-page-edge.test.ts compares the whole document with Remix's for the same
// request, so a change on either side (root layout, a Remix upgrade, the page) fails there first.
import { encode } from "turbo-stream";

/** The parts of Remix's server build this reads (scripts/serve.js passes the build itself). */
export interface RemixBuildLike {
  basename?: string;
  future: Record<string, unknown>;
  isSpaMode: boolean;
  assets: {
    url: string;
    entry: { module: string; imports: string[] };
    routes: Record<string, { module: string; imports?: string[]; css?: string[] }>;
  };
  routes: Record<string, { module: RouteModuleLike }>;
}

interface RouteModuleLike {
  links?: () => Array<Record<string, string>>;
  meta?: (args: { data: unknown; params: Record<string, string>; location: unknown; matches: unknown[] }) => unknown;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Text or an attribute value escaped as React escapes it. */
export function reactEscape(value: string): string {
  return /[&<>"']/.test(value) ? value.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : value;
}

/**
 * Adjacent text children of one element as React writes them: each escaped, a `<!-- -->` between two
 * that follow each other (empty and missing ones write nothing and separate nothing).
 */
export function reactTexts(...parts: Array<string | null | undefined | false>): string {
  let out = "";
  let text = false;
  for (const part of parts) {
    if (!part) continue;
    if (text) out += "<!-- -->";
    out += reactEscape(part);
    text = true;
  }
  return out;
}

const SCRIPT_ESCAPES: Record<string, string> = {
  "&": "\\u0026",
  ">": "\\u003e",
  "<": "\\u003c",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

const scriptEscape = (s: string) => s.replace(/[&><\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);

// <ScrollRestoration>'s inline script, as @remix-run/react 2 writes it.
const SCROLL_SCRIPT = `((STORAGE_KEY, restoreKey) => {
    if (!window.history.state || !window.history.state.key) {
      let key = Math.random().toString(32).slice(2);
      window.history.replaceState({
        key
      }, "");
    }
    try {
      let positions = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "{}");
      let storedY = positions[restoreKey || window.history.state.key];
      if (typeof storedY === "number") {
        window.scrollTo(0, storedY);
      }
    } catch (error) {
      console.error(error);
      sessionStorage.removeItem(STORAGE_KEY);
    }
  })("positions", null)`;

const linkTag = (link: Record<string, string>) =>
  `<link${Object.entries(link)
    .map(([name, value]) => ` ${name}="${reactEscape(value)}"`)
    .join("")}/>`;

/** The fixed parts of one route's document (everything but the title, the body, the nonce and the data). */
interface Frame {
  links: string;
  preloads: string;
  context: string;
  modules: string;
}

function frameOf(build: RemixBuildLike, routeId: string): Frame {
  const ids = ["root", routeId];
  const manifest = build.assets;
  const seen = new Set<string>();
  const links = ids
    .flatMap((id) => [
      ...(manifest.routes[id]?.css ?? []).map((href) => ({ rel: "stylesheet", href })),
      ...(build.routes[id]?.module.links?.() ?? []),
    ])
    .filter((link) => {
      const key = JSON.stringify(Object.fromEntries(Object.entries(link).sort()));
      return seen.has(key) ? false : (seen.add(key), true);
    });
  const preloads = [
    ...manifest.entry.imports,
    ...ids.flatMap((id) => [...(manifest.routes[id]?.imports ?? []), manifest.routes[id]!.module]),
  ];
  return {
    links: links.map(linkTag).join(""),
    preloads: [manifest.url, manifest.entry.module, ...new Set(preloads)]
      .map((href) => `<link rel="modulepreload" href="${reactEscape(href)}"/>`)
      .join(""),
    context: `window.__remixContext = ${JSON.stringify({
      basename: build.basename ?? "/",
      future: build.future,
      isSpaMode: build.isSpaMode,
    })};window.__remixContext.stream = new ReadableStream({start(controller){window.__remixContext.streamController = controller;}}).pipeThrough(new TextEncoderStream());`,
    modules: `import ${JSON.stringify(manifest.url)};
${ids.map((id, i) => `import * as route${i} from ${JSON.stringify(manifest.routes[id]!.module)};`).join("\n")}

window.__remixRouteModules = {${ids.map((id, i) => `${JSON.stringify(id)}:route${i}`).join(",")}};

import(${JSON.stringify(manifest.entry.module)});`,
  };
}

/** The loader data as Remix's single fetch streams it into the page (turbo-stream, one chunk). */
async function encodeData(data: unknown): Promise<string> {
  const reader = encode(data).getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += typeof value === "string" ? value : decoder.decode(value, { stream: true });
  }
}

/** The route's meta as <Meta> writes it: the title and name/content pairs (all these routes use). */
function metaTags(build: RemixBuildLike, page: PageDocument): string {
  const meta = (build.routes[page.routeId]?.module.meta ?? build.routes.root?.module.meta)?.({
    data: page.data,
    params: page.params,
    location: { pathname: page.pathname, search: "", hash: "", state: null, key: "default" },
    matches: [],
  });
  if (!Array.isArray(meta)) return "";
  return meta
    .map((m: Record<string, unknown>) => {
      if (typeof m.title === "string") return `<title>${reactEscape(m.title)}</title>`;
      if (typeof m.name === "string" && typeof m.content === "string")
        return `<meta name="${reactEscape(m.name)}" content="${reactEscape(m.content)}"/>`;
      throw new Error(`edge page ${page.routeId}: meta ${JSON.stringify(m)} is not written here; extend metaTags`);
    })
    .join("");
}

export interface PageDocument {
  routeId: string;
  pathname: string;
  params: Record<string, string>;
  /** The route's body, exactly as React renders the route component. */
  body: string;
  /** The route's loader data; the root's is that of a visitor who is not signed in. */
  data: unknown;
  nonce: string;
}

/** Builds `remixDocument` for one build: the fixed parts of each route are computed once. */
export function remixDocuments(build: RemixBuildLike) {
  const frames = new Map<string, Frame>();
  return async function remixDocument(page: PageDocument): Promise<string> {
    let frame = frames.get(page.routeId);
    if (!frame) frames.set(page.routeId, (frame = frameOf(build, page.routeId)));
    const n = reactEscape(page.nonce);
    const stream = await encodeData({
      loaderData: { root: { user: null }, [page.routeId]: page.data },
      actionData: null,
      errors: null,
    });
    return (
      `<!DOCTYPE html><html lang="vi"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>` +
      metaTags(build, page) +
      frame.links +
      `</head><body><a href="#main" class="skip-link">Bỏ qua, đến nội dung chính</a><header class="site-header"><a class="brand" data-discover="true" href="/">Hội nghị CCHC</a></header><main id="main">` +
      page.body +
      `</main><script nonce="${n}">${SCROLL_SCRIPT}</script>` +
      frame.preloads +
      `<script nonce="${n}">${frame.context}</script><script nonce="${n}" type="module" async="">${frame.modules}</script></body></html>` +
      `<!--$--><script nonce="${n}">window.__remixContext.streamController.enqueue(${scriptEscape(JSON.stringify(stream))});</script>` +
      `<!--$--><script nonce="${n}">window.__remixContext.streamController.close();</script><!--/$--><!--/$-->`
    );
  };
}
