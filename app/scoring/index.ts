// The scoring module: frameworks, computation and the packet summary. Reading
// score files (import.ts) and framework files (framework-io.ts) is server-side
// and imported from those files directly, to keep exceljs out of browser bundles.
export * from "./types.ts";
export * from "./framework.ts";
export * from "./compute.ts";
export * from "./sipas.ts";
export * from "./summary.ts";
export * from "./format.ts";
