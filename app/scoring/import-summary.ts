// Score import, summary shape: checks a table read from a CSV or XLSX file (lib/table) and converts it
// into summary scores (unit, points, maximum). Every bad row is reported, by row and column, in
// Vietnamese; nothing is returned as scores while any row is bad. Plain TypeScript: no Remix, no Prisma.
import { cell, checkUnlabelledCells, columnSpec, locateHeader, resolveColumns } from "#app/lib/table/columns.ts";
import { formatNumberVi } from "#app/lib/table/numbers.ts";
import { sortImportErrors, type ImportError, type Table } from "#app/lib/table/table.ts";
import {
  blockSpeller,
  PLACEMENT_COLUMNS,
  rankedColumnAsRank,
  predecessorReader,
  readPoints,
  readRank,
  readRanked,
  TOLERANCE,
  UNIT,
} from "#app/scoring/import-points.ts";
import type { SummaryScores } from "#app/scoring/types.ts";
import { createUnitMatcher, displayNames, unitError, unitNameKey, type ImportUnit } from "#app/scoring/unit-match.ts";

const SUMMARY_COLUMNS = {
  unit: UNIT,
  points: columnSpec("điểm", ["points", "diem", "điểm"], ["tổng điểm", "total points"], true),
  maxPoints: columnSpec("điểm tối đa", ["max_points", "diem_toi_da", "điểm tối đa"], ["max points", "maximum"], true),
  surveyPoints: columnSpec("điểm điều tra", ["survey_points", "diem_dieu_tra", "điểm điều tra"], [], false),
  surveyMaxPoints: columnSpec(
    "điểm điều tra tối đa",
    ["survey_max_points", "diem_dieu_tra_toi_da", "điểm điều tra tối đa"],
    [],
    false,
  ),
  ...PLACEMENT_COLUMNS,
};

export interface SummaryImportOptions {
  /** The round's units; without it (the CLI) each unit's name, as written, is its id. */
  units?: ImportUnit[];
  /** The previous round's units, for the previous_unit column (a merged unit's predecessors). */
  previousUnits?: ImportUnit[];
  /** The previous_unit column is not read (the CLI without --previous: no comparison to make). */
  ignorePreviousUnits?: boolean;
}

export type SummaryImport = { ok: true; scores: SummaryScores[] } | { ok: false; errors: ImportError[] };

/**
 * Columns unit, points, max_points; optionally survey_points, survey_max_points, block, ranked, reason,
 * rank (as published) and previous_unit; one row per unit. An optional column absent from the file
 * leaves its field undefined (a stored value stays as it is); present but blank, it clears it (null,
 * ranked true, no predecessors).
 */
export function parseSummaryScores(table: Table, opts: SummaryImportOptions = {}): SummaryImport {
  const errors: ImportError[] = [];
  table = locateHeader(table, SUMMARY_COLUMNS);
  const col = resolveColumns(table, SUMMARY_COLUMNS, errors);
  if (!col) return { ok: false, errors };
  rankedColumnAsRank(table, col);
  if (opts.ignorePreviousUnits) col.previousUnit = -1;
  const h = (i: number) => table.headers[i]!;
  const match = opts.units ? createUnitMatcher(opts.units) : null;
  const displayName = displayNames(opts.units ?? []);
  const seen = new Map<string, number>();
  const scores: SummaryScores[] = [];
  const spellBlock = blockSpeller();
  const readPredecessors = predecessorReader(opts.previousUnits);

  for (const row of table.rows) {
    const before = errors.length;
    const err = (column: number, message: string) =>
      errors.push({ row: row.rowNumber, column: column < 0 ? "" : h(column), message });
    checkUnlabelledCells(table, row, errors);

    const rawName = cell(row, col.unit).replace(/\s+/g, " ");
    let unitId: string | null = null;
    let unitName = rawName;
    if (!rawName) err(col.unit, "Chưa có tên đơn vị");
    else if (match) {
      const m = match(rawName);
      if (m.ok) {
        unitId = m.id;
        unitName = displayName.get(m.id)!;
      } else err(col.unit, unitError(rawName, m, displayName));
    } else unitId = rawName.normalize("NFC");

    const points = readPoints(cell(row, col.points), "Điểm");
    if (points === null) err(col.points, "Chưa nhập điểm");
    else if ("error" in points) err(col.points, points.error);
    const max = readPoints(cell(row, col.maxPoints), "Điểm tối đa");
    if (max === null) err(col.maxPoints, "Chưa nhập điểm tối đa");
    else if ("error" in max) err(col.maxPoints, max.error);
    else if (max.value <= 0) err(col.maxPoints, `Điểm tối đa phải lớn hơn 0 (đang là ${formatNumberVi(max.value)})`);
    const maxOk = max && "value" in max && max.value > 0 ? max.value : null;
    if (points && "value" in points && maxOk !== null && points.value > maxOk + TOLERANCE) {
      err(col.points, `Điểm ${formatNumberVi(points.value)} vượt điểm tối đa ${formatNumberVi(maxOk)}`);
    }
    const surveyMax = readPoints(cell(row, col.surveyMaxPoints), "Điểm điều tra tối đa");
    if (surveyMax && "error" in surveyMax) err(col.surveyMaxPoints, surveyMax.error);
    else if (surveyMax && maxOk !== null && surveyMax.value > maxOk + TOLERANCE) {
      err(
        col.surveyMaxPoints,
        `Điểm điều tra tối đa ${formatNumberVi(surveyMax.value)} vượt điểm tối đa ${formatNumberVi(maxOk)}`,
      );
    }
    const surveyMaxOk = surveyMax && "value" in surveyMax ? surveyMax.value : null;
    const survey = readPoints(cell(row, col.surveyPoints), "Điểm điều tra");
    if (survey && "error" in survey) err(col.surveyPoints, survey.error);
    else if (survey && surveyMaxOk !== null && survey.value > surveyMaxOk + TOLERANCE) {
      err(
        col.surveyPoints,
        `Điểm điều tra ${formatNumberVi(survey.value)} vượt điểm điều tra tối đa ${formatNumberVi(surveyMaxOk)}`,
      );
    } else if (survey && maxOk !== null && survey.value > maxOk + TOLERANCE) {
      err(col.surveyPoints, `Điểm điều tra ${formatNumberVi(survey.value)} vượt điểm tối đa ${formatNumberVi(maxOk)}`);
    }
    if (survey && "value" in survey && points && "value" in points && survey.value > points.value + TOLERANCE) {
      err(
        col.surveyPoints,
        `Điểm điều tra ${formatNumberVi(survey.value)} lớn hơn tổng điểm ${formatNumberVi(points.value)}`,
      );
    }

    // placement
    const ranked = col.ranked < 0 ? null : readRanked(cell(row, col.ranked));
    if (ranked && "error" in ranked) err(col.ranked, ranked.error);
    const rank = col.rank < 0 ? null : readRank(cell(row, col.rank));
    if (rank && "error" in rank) err(col.rank, rank.error);
    else if (rank && rank.value !== null && ranked && "value" in ranked && !ranked.value) {
      err(col.rank, `Đơn vị không xếp hạng thì không ghi hạng (đang là ${rank.value})`);
    }
    const predecessors = col.previousUnit < 0 ? null : readPredecessors(cell(row, col.previousUnit));
    if (predecessors && "error" in predecessors) err(col.previousUnit, predecessors.error);

    if (unitId !== null) {
      const key = match ? unitId : unitNameKey(unitId);
      const earlier = seen.get(key);
      if (earlier !== undefined) err(col.unit, `Đơn vị “${rawName}” trùng với dòng ${earlier}`);
      else seen.set(key, row.rowNumber);
    }

    if (errors.length === before && unitId !== null && points && "value" in points && maxOk !== null) {
      const score: SummaryScores = {
        unitId,
        unitName,
        points: points.value,
        maxPoints: maxOk,
        surveyPoints: survey && "value" in survey ? survey.value : null,
      };
      if (col.surveyMaxPoints >= 0) score.surveyMaxPoints = surveyMaxOk;
      if (col.block >= 0) score.block = spellBlock(cell(row, col.block));
      const isRanked = ranked && "value" in ranked ? ranked.value : undefined;
      if (isRanked !== undefined) score.ranked = isRanked;
      if (col.reason >= 0) score.notRankedReason = isRanked === true ? null : cell(row, col.reason).trim() || null;
      if (rank && "value" in rank) score.publishedRank = rank.value;
      if (predecessors && "value" in predecessors) score.predecessorIds = predecessors.value;
      scores.push(score);
    }
  }
  if (errors.length) return { ok: false, errors: sortImportErrors(errors) };
  return { ok: true, scores };
}
