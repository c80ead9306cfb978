import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// docs/ARCHITECTURE.md draws which folder of app/ may import which. This test keeps the drawing
// true: every folder has a row, every import of app code follows a row, and the rows form no circle
// (so no two folders import each other, directly or around a loop).
const root = path.resolve(import.meta.dirname, "../..");
const doc = fs.readFileSync(path.join(root, "docs/ARCHITECTURE.md"), "utf8");
const block = doc.slice(doc.indexOf("<!-- imports:start -->"), doc.indexOf("<!-- imports:end -->"));

/** "- `bridges/` → `conferences/`, `lib/` …" rows: folder (or root module) and what it may import. */
function readMap(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const line of block.split("\n")) {
    const m = /^- `([^`]+)`\s*(?:→|->)\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const targets = [...m[2]!.matchAll(/`([^`]+)`/g)].map((t) => unit(t[1]!));
    map.set(unit(m[1]!), new Set(targets.filter((t) => t !== "nothing")));
  }
  return map;
}

function unit(name: string): string {
  return name.replace(/\/$/, "");
}

/** The unit a file of app/ belongs to: its top folder, or the root module itself (root.tsx). */
function unitOf(file: string): string {
  const rel = path.relative(path.join(root, "app"), file).split(path.sep);
  return rel.length > 1 ? rel[0]! : rel[0]!.replace(/\.(ts|tsx)$/, "");
}

function appFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : appFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

const files = appFiles(path.join(root, "app"));
const map = readMap();
// import … from "#app/x/…", export … from, import "#app/x/…" (side effects only) and import("#app/x/…").
const importPattern =
  /(?:^|\n)\s*(?:(?:import|export)\s[^;]*?from\s+|import\s+)"#app\/([^"/]+)(\/[^"]*)?"|import\(\s*"#app\/([^"/]+)/g;

describe("docs/ARCHITECTURE.md import map", () => {
  it("has a row for every folder and root module of app/", () => {
    const units = new Set(files.map(unitOf));
    const missing = [...units].filter((u) => !map.has(u));
    expect(missing, "add these to the map in docs/ARCHITECTURE.md").toEqual([]);
    const stale = [...map.keys()].filter((u) => !units.has(u) && u !== "generated");
    expect(stale, "these rows name folders that no longer exist").toEqual([]);
  });

  it("is followed by every import of app code", () => {
    const broken: string[] = [];
    for (const file of files) {
      const from = unitOf(file);
      if (from === "routes") continue; // routes are the adapters: they may use any folder
      const allowed = map.get(from) ?? new Set();
      const source = fs.readFileSync(file, "utf8");
      for (const m of source.matchAll(importPattern)) {
        const first = m[1] ?? m[3]!;
        if (m[1] && m[2] === undefined && !/\.(ts|tsx)$/.test(first)) continue; // an asset (styles.css?url)
        const to = m[2] === undefined && m[1] ? first.replace(/\.(ts|tsx)$/, "") : first;
        if (to === from || to === "generated" || allowed.has(to)) continue; // the Prisma client is a package
        broken.push(`${path.relative(root, file)} imports ${to}/`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("draws no circle between folders", () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const circles: string[] = [];
    const visit = (u: string, trail: string[]) => {
      if (done.has(u)) return;
      if (visiting.has(u)) {
        circles.push([...trail.slice(trail.indexOf(u)), u].join(" → "));
        return;
      }
      visiting.add(u);
      for (const next of map.get(u) ?? []) visit(next, [...trail, u]);
      visiting.delete(u);
      done.add(u);
    };
    for (const u of map.keys()) visit(u, []);
    expect(circles).toEqual([]);
  });
});
