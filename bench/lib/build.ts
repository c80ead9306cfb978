import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Rebuilds when the server bundle is missing or older than any source file, so we never time stale code. */
export function ensureBuild(root: string): void {
  const bundle = path.join(root, "build", "server", "index.js");
  const builtAt = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  const sourceAt = newestMtime(path.join(root, "app"));
  if (builtAt >= sourceAt) {
    console.log("build: up to date");
    return;
  }
  console.log(builtAt ? "build: app/ changed since last build, rebuilding" : "build: no build found, building");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}
