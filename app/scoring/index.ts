// The scoring module: frameworks, computation and the packet summary. Reading score files
// (import-summary.ts, import-detailed.ts over lib/table) and framework files (framework-json.ts,
// framework-xlsx*.server.ts) is server-side and imported from those files directly, to keep exceljs out
// of browser bundles.
export * from "#app/scoring/types.ts";
export * from "#app/scoring/blocks.ts";
export * from "#app/scoring/classes.ts";
export * from "#app/scoring/framework.ts";
export * from "#app/scoring/compute.ts";
export * from "#app/scoring/sipas.ts";
export * from "#app/scoring/summary.ts";
export * from "#app/scoring/format.ts";
