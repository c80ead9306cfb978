// The scoring module: frameworks, computation, import and the packet summary.
export * from "./types.ts";
export * from "./framework.ts";
export * from "./compute.ts";
export * from "./sipas.ts";
export * from "./summary.ts";
export * from "./format.ts";
export * from "./import.ts";
