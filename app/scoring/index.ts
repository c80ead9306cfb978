// The scoring module: frameworks, computation, import and the packet summary.
export * from "./types.ts";
export * from "./framework.ts";
export * from "./compute.ts";
