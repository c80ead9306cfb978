// The Node (V8) settings the background worker starts with, written once: in package.json's "worker"
// script. The systemd unit (docs/deploy/hoinghi-worker.service) repeats them on its command line, which
// test/unit/service-units.test.ts holds to this; the bulk-mail bench starts its sending process with them.
//
// Why: sending 10,000 invitations allocates about 0.5 MB a message of short-lived garbage. With V8's
// defaults (16 MB semi-spaces, an old generation let grow up to four times what survived the last full
// collection), the worker reached 700–750 MB of RSS while holding under 100 MB of live data. An 8 MB
// semi-space and 30 % growth per full collection keep it under 400 MB at a few per cent more CPU in
// collection (docs/PERFORMANCE.md). No hard heap limit: the same process builds the 3,300-unit packet.
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
