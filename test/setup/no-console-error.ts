import { afterEach, beforeEach, expect, vi } from "vitest";

// A stray console.error means something went wrong that no assertion noticed.
const original = console.error;
let calls: unknown[][] = [];
beforeEach(() => {
  calls = [];
  console.error = vi.fn((...args: unknown[]) => {
    calls.push(args);
  });
});
afterEach(() => {
  console.error = original;
  expect(calls, `console.error was called:\n${calls.map((c) => c.map(String).join(" ")).join("\n")}`).toEqual([]);
});
