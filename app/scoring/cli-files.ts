// What the commands of `npm run scoring` share: the errors that set the exit code, reading a file, a score
// file (summary or detailed, through the app's imports) and a framework JSON file.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { formatImportErrors, type ImportError, type Table } from "#app/lib/table/table.ts";
import { readTable } from "#app/lib/table/read.server.ts";
import { parseFrameworkJson } from "#app/scoring/framework-json.ts";
import { compileFramework, validateBands, type CompiledFramework } from "#app/scoring/framework.ts";
import { isDetailedTable, parseDetailedScores } from "#app/scoring/import-detailed.ts";
import { parseSummaryScores } from "#app/scoring/import-summary.ts";
import type { ClassBand, UnitScores } from "#app/scoring/types.ts";
import type { ImportUnit } from "#app/scoring/unit-match.ts";

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Directory the file arguments are relative to; process.cwd() by default. */
  cwd?: string;
}

/** Wrong usage of the command line; exit 2 with the usage text. */
export class UsageError extends Error {}
/** A failure already explained to the user (or to be, by its message); exit 1. */
export class DataError extends Error {}

export async function readInput(file: string, cwd: string): Promise<Uint8Array> {
  try {
    return await readFile(path.resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DataError(`Không tìm thấy tệp “${file}”`);
    if (code === "EISDIR") throw new DataError(`“${file}” là thư mục, không phải tệp`);
    throw new DataError(`Không đọc được tệp “${file}”: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A score file read and checked: summary or detailed (a criterion code column), all rows good. */
export interface ImportedFile {
  scores: Array<UnitScores & { publishedRank?: number | null }>;
  detailed: boolean;
}

/** A .csv or .xlsx file read into a table; a file that cannot be read is a DataError naming it. */
export async function readTableFile(file: string, cwd: string): Promise<Table> {
  const data = await readInput(file, cwd);
  try {
    return await readTable({ fileName: file, data });
  } catch (error) {
    throw new DataError(`Tệp “${file}”: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Prints a file's row errors ("Tệp “x” có 3 lỗi, chưa xếp hạng:" then one line each, then the hint if
 * any) and fails with exit 1.
 */
export function failWithRowErrors(
  io: CliIo,
  file: string,
  errors: ImportError[],
  notDone: string,
  hint?: string,
): never {
  io.stderr.write(`Tệp “${file}” có ${errors.length} lỗi, ${notDone}:\n`);
  io.stderr.write(`${formatImportErrors(errors, { limit: 200 }).join("\n")}\n`);
  if (hint) io.stderr.write(`${hint}\n`);
  throw new DataError("");
}

export async function importScores(
  file: string,
  cwd: string,
  io: CliIo,
  framework: FrameworkFile | null,
  /** The previous file's units; undefined: no --previous, the previous_unit column is not read. */
  previousUnits?: ImportUnit[],
  /** What was not done because of bad rows, for the message: "chưa xếp hạng" by default. */
  notDone = "chưa xếp hạng",
): Promise<ImportedFile> {
  const opts = { previousUnits, ignorePreviousUnits: previousUnits === undefined };
  const table = await readTableFile(file, cwd);
  const detailed = isDetailedTable(table);
  let parsed: { ok: true; scores: ImportedFile["scores"] } | { ok: false; errors: ImportError[] };
  if (detailed) {
    if (!framework) {
      throw new DataError(
        `Tệp “${file}” là tệp điểm chi tiết (có cột mã tiêu chí): cần --framework <tệp .json> với đầy đủ cây tiêu chí của bộ chỉ số`,
      );
    }
    parsed = parseDetailedScores(table, framework.compiled(), opts);
  } else parsed = parseSummaryScores(table, opts);
  if (!parsed.ok) failWithRowErrors(io, file, parsed.errors, notDone);
  return { scores: parsed.scores, detailed };
}

export interface FrameworkFile {
  name: string;
  bands: ClassBand[];
  /** The whole framework, compiled; only a detailed score file needs it (a DataError when it is not whole). */
  compiled: () => CompiledFramework;
}

const isBand = (b: unknown): b is ClassBand => {
  const band = b as Record<string, unknown> | null;
  return (
    !!band &&
    typeof band === "object" &&
    typeof band.name === "string" &&
    typeof band.minPct === "number" &&
    Number.isFinite(band.minPct) &&
    (band.minAreaPct === undefined ||
      band.minAreaPct === null ||
      (typeof band.minAreaPct === "number" && Number.isFinite(band.minAreaPct)))
  );
};

const cleanBand = (b: ClassBand): ClassBand =>
  typeof b.minAreaPct === "number"
    ? { name: b.name, minPct: b.minPct, minAreaPct: b.minAreaPct }
    : { name: b.name, minPct: b.minPct };

export async function readFramework(file: string, cwd: string): Promise<FrameworkFile> {
  const text = new TextDecoder().decode(await readInput(file, cwd));
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new DataError(
      `Tệp bộ chỉ số “${file}” không phải JSON hợp lệ: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const fw = json as { name?: unknown; bands?: unknown } | null;
  const raw = fw && typeof fw === "object" ? fw.bands : undefined;
  if (!Array.isArray(raw) || !raw.every(isBand)) {
    throw new DataError(
      `Tệp bộ chỉ số “${file}” không có danh sách mức xếp loại hợp lệ (bands: [{ "name": "Tốt", "minPct": 80, "minAreaPct": 70 }, …])`,
    );
  }
  const bands = raw.map(cleanBand);
  const problems = validateBands(bands);
  if (problems.length)
    throw new DataError(`Các mức xếp loại trong “${file}” chưa đúng:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  let compiled: CompiledFramework | null = null;
  return {
    bands,
    name: typeof fw!.name === "string" ? fw!.name : path.basename(file),
    compiled: () => {
      if (compiled) return compiled;
      const parsed = parseFrameworkJson(text);
      if (!parsed.ok) {
        throw new DataError(
          `Tệp điểm chi tiết cần bộ chỉ số đầy đủ (cây tiêu chí); “${file}” chưa đúng:\n${parsed.errors.map((p) => `  - ${p}`).join("\n")}`,
        );
      }
      compiled = compileFramework(parsed.framework);
      return compiled;
    },
  };
}
