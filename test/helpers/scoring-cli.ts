import path from "node:path";
import { runCli } from "#app/scoring/cli.ts";

// `npm run scoring -- …` in-process, from the project root (where the fixture paths are relative to),
// with its output captured: what every scoring CLI test calls.
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCORING_FIXTURES = "test/fixtures/scoring";
export const fixture = (name: string) => `${SCORING_FIXTURES}/${name}`;

export async function runScoringCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: ROOT,
  });
  return { code, stdout, stderr };
}
