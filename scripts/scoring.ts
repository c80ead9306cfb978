// npm run scoring -- rank <scores.csv|xlsx> [--previous <file>] [--framework <file.json>] [--json]
// npm run scoring -- analyse <detailed file> --previous <detailed file> --framework <file.json> […]
// A thin entry: everything, including the Vietnamese usage text, is in app/scoring/cli.ts.
import { runCli } from "#app/scoring/cli.ts";

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
