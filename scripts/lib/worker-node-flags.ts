// The Node (V8) settings the background worker starts with, written once: in package.json's "worker"
// script. The systemd unit (docs/deploy/hoinghi-worker.service) repeats them on its command line, which
// test/unit/service-units.test.ts holds to this; the bulk-mail bench starts its sending process with them.
//
// Why: sending 10,000 invitations makes about half a megabyte of short-lived garbage a message. With V8's
// defaults (16 MB semi-spaces, an old generation allowed to grow to up to four times what survived the
// last full collection) the worker reached 700–750 MB of RSS while holding under 100 MB of live data;
// and V8's optimising recompile of Prisma's query compiler (3 MB of WebAssembly) takes about 50 MB more
// for no measurable gain here. An 8 MB semi-space, 30 % growth per full collection and no WebAssembly
// tier-up keep it under 400 MB (docs/PERFORMANCE.md). No hard heap limit: the same process builds the
// 3,300-unit packet.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The flags before `--import` in package.json's "worker" script, e.g. ["--max-semi-space-size=8", …]. */
export function workerNodeFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts.worker!.split(/\s+/);
  if (words[0] !== "node") throw new Error(`package.json "worker" should start with node: ${pkg.scripts.worker}`);
  const flags: string[] = [];
  for (const word of words.slice(1)) {
    if (word === "--import") break;
    flags.push(word);
  }
  return flags;
}
