import { describe, expect, it } from "vitest";
import { routePatterns } from "#app/http/route-pattern.server.ts";

// The label of a request in the log and the metrics: its route's pattern, never its URL.

type Manifest = Parameters<typeof routePatterns>[0]["routes"];
const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) =>
  ({ id, parentId, path, index, module: {} }) as Manifest[string];

const routes: Manifest = {
  root: route("root", undefined, ""),
  "routes/_index": route("routes/_index", "root", undefined, true),
  "routes/$": route("routes/$", "root", "*"),
  "routes/i.$token._index": route("routes/i.$token._index", "root", "i/:token", true),
  "routes/i.$token.qr[.png]": route("routes/i.$token.qr[.png]", "root", "i/:token/qr.png"),
  "routes/conferences.$id": route("routes/conferences.$id", "root", "conferences/:id"),
  "routes/conferences.$id.agenda": route("routes/conferences.$id.agenda", "routes/conferences.$id", "agenda"),
  "routes/conferences.$id._index": route("routes/conferences.$id._index", "routes/conferences.$id", undefined, true),
};
const patternOf = routePatterns({ routes, assets: { url: "/assets/manifest-5e1f.js" } });

describe("routePatterns", () => {
  it("names a request by the pattern of the deepest route its path matches", () => {
    expect(patternOf("/")).toBe("/");
    expect(patternOf("/i/eyJhbGciOi.secret")).toBe("/i/:token");
    expect(patternOf("/I/eyJhbGciOi.secret/qr.png")).toBe("/i/:token/qr.png");
    expect(patternOf("/conferences/c1")).toBe("/conferences/:id");
    expect(patternOf("/conferences/c1/agenda")).toBe("/conferences/:id/agenda");
  });

  it("tells single-fetch data requests apart, and groups assets and unknown paths", () => {
    expect(patternOf("/conferences/c1/agenda.data")).toBe("/conferences/:id/agenda.data");
    expect(patternOf("/_root.data")).toBe("/_root.data");
    expect(patternOf("/assets/root-AbC123.js")).toBe("/assets/*");
    expect(patternOf("/no/such/page")).toBe("/*");
    expect(patternOf("/__manifest")).toBe("/__manifest");
    expect(patternOf("/i/%E0%A4%A")).toBe("(none)");
    const withoutSplat = routePatterns({ routes: { root: routes.root! }, assets: { url: "/assets/manifest-5e1f.js" } });
    expect(withoutSplat("/anything")).toBe("(none)");
  });

  it("answers a path from its shape's cached answer exactly as a fresh match would", () => {
    const all: Manifest = {
      ...routes,
      "routes/conferences.new": route("routes/conferences.new", "root", "conferences/new"),
      "routes/b.$key.roll-call": route("routes/b.$key.roll-call", "root", "b/:key/roll-call"),
    };
    const source = { routes: all, assets: { url: "/assets/manifest-5e1f.js" } };
    const cached = routePatterns(source);
    const words = [
      "conferences",
      "new",
      "NEW",
      "agenda",
      "i",
      "b",
      "roll-call",
      "qr.png",
      "c1",
      "x%20y",
      "tok.en",
      "_root",
      "",
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % words.length;
    for (let n = 0; n < 3_000; n++) {
      const depth = 1 + (n % 4);
      const path = `/${Array.from({ length: depth }, next)
        .map((i) => words[i])
        .join("/")}${n % 5 === 0 ? ".data" : ""}`;
      expect(cached(path), path).toBe(routePatterns(source)(path));
    }
    expect(cached("/conferences/new")).toBe("/conferences/new");
    expect(cached("/conferences/c9")).toBe("/conferences/:id");
  });
});
