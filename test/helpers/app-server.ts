import path from "node:path";
import { startApp } from "../../scripts/lib/app-process.ts";

export interface AppServer {
  url: string;
  /** Everything the server wrote to stderr (errors must not reach users, but are logged here). */
  stderr: () => string;
  stop: () => Promise<void>;
}

/** Starts the production build (npm run build) on this test file's database copy. */
export async function startAppServer(): Promise<AppServer> {
  const app = await startApp({ root: path.resolve(import.meta.dirname, "../.."), databaseFile: process.env.TEST_DATABASE_FILE! });
  return { url: app.baseUrl, stderr: app.stderr, stop: app.stop };
}
