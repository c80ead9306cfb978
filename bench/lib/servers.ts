import { spawn } from "node:child_process";
import path from "node:path";
import { collect, stopper, track, waitForOk, type ServerProcess } from "#scripts/lib/app-process.ts";

export { freePort, startApp, type ServerProcess } from "#scripts/lib/app-process.ts";

/** Starts bench/bare-server.ts in its own process, serving the given file for every GET. */
export function startBare(root: string, bodyFile: string): Promise<ServerProcess> {
  return startReference(root, "bench/bare-server.ts", [bodyFile], "/");
}

/**
 * Starts a reference server script that prints {"port":N} once listening; `probe` is a path answering
 * 200 to GET (or null).
 */
export async function startReference(
  root: string,
  script: string,
  args: string[],
  probe: string | null,
): Promise<ServerProcess> {
  const child = track(
    spawn(process.execPath, ["--import", "tsx", path.join(root, script), ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  const stderr = collect(child);
  const stop = stopper(child);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (line) resolve((JSON.parse(line) as { port: number }).port);
      });
      child.once("exit", (code) => reject(new Error(`bare server exited (${code}) before listening.\n${stderr()}`)));
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    if (probe) await waitForOk(`${baseUrl}${probe}`, child, stderr);
    return { name: "bare", baseUrl, stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
