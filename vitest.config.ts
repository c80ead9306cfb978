import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "app/**/*.test.ts"],
    setupFiles: ["test/setup/worker-db.ts", "test/setup/no-console-error.ts"],
    globalSetup: ["test/setup/global.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // expect.poll waits 1 s by default: too short for a browser page on a busy machine (a full run on
    // PostgreSQL, several suites at once), where a client navigation or an import can take longer.
    expect: { poll: { timeout: 10_000 } },
  },
});
