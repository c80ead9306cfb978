// The remediation loop from the command line: `analyse … --remediation <actions.csv|xlsx>` reads last
// year's remediation actions, one row per action (the unit as the previous score file names it, and the
// criterion code in last year's framework; other columns ignored), and prints each action's result this
// year: recovered fully, partly, not, or no longer assessed, with the tally "31/46 hành động đã lấy lại
// điểm". Every bad row is reported by row and column, and nothing is analysed while any row is bad.
import { remediationOutcomes, tallyRemediation } from "#app/scoring/analysis/remediation.ts";
import type { AnalysisInput, RemediationOutcome, RemediationTally } from "#app/scoring/analysis/types.ts";
import {
  REMEDIATION_REASON_LABEL,
  REMEDIATION_STATUS_LABEL,
  remediationTallyText,
} from "#app/scoring/analysis-labels.ts";
import { splitCodes } from "#app/scoring/analysis-mapping-file.ts";
import { pct, points, renderTable } from "#app/scoring/cli-output.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";
import { cell, checkUnlabelledCells, columnSpec, locateHeader, resolveColumns } from "#app/lib/table/columns.ts";
import { sortImportErrors, type ImportError, type Table } from "#app/lib/table/table.ts";
import { createUnitMatcher, displayNames, unitError, type ImportUnit } from "#app/scoring/unit-match.ts";

export const ACTION_COLUMNS = {
  unit: columnSpec("đơn vị", ["don_vi", "unit", "đơn vị"], ["ten_don_vi", "tên đơn vị", "unit_name"], true),
  code: columnSpec("mã tiêu chí", ["ma", "code", "mã"], ["ma_tieu_chi", "mã tiêu chí"], true),
};

export interface ActionRow {
  /** The unit of last year's file. */
  unitId: string;
  code: string;
  row: number;
}

export type ActionsImport = { ok: true; actions: ActionRow[] } | { ok: false; errors: ImportError[] };

/** Reads the actions; a unit unknown in last year's file or a code unknown in last year's framework is a row error. */
export function parseActionsTable(
  table: Table,
  previousUnits: ImportUnit[],
  previous: CompiledFramework,
): ActionsImport {
  const errors: ImportError[] = [];
  table = locateHeader(table, ACTION_COLUMNS);
  const col = resolveColumns(table, ACTION_COLUMNS, errors, "hành động khắc phục");
  if (!col) return { ok: false, errors };
  const match = createUnitMatcher(previousUnits);
  const names = displayNames(previousUnits);
  const actions: ActionRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const r = row.rowNumber;
    const before = errors.length;
    checkUnlabelledCells(table, row, errors);
    const unitHeader = table.headers[col.unit]!;
    const codeHeader = table.headers[col.code]!;
    const unitName = cell(row, col.unit).trim();
    const codes = splitCodes(cell(row, col.code));
    let unitId: string | null = null;
    if (!unitName) errors.push({ row: r, column: unitHeader, message: "Chưa có tên đơn vị" });
    else {
      const m = match(unitName);
      if (m.ok) unitId = m.id;
      else
        errors.push({
          row: r,
          column: unitHeader,
          message: unitError(unitName, m, names).replace("trong đợt đánh giá", "trong tệp điểm năm trước"),
        });
    }
    if (codes.length !== 1)
      errors.push({
        row: r,
        column: codeHeader,
        message: codes.length ? "Mỗi dòng một mã tiêu chí" : "Chưa có mã tiêu chí bị mất điểm năm trước",
      });
    else if (!previous.indexByCode.has(codes[0]!))
      errors.push({
        row: r,
        column: codeHeader,
        message: `Mã ${codes[0]} không có trong bộ chỉ số năm trước (“${previous.framework.name}”)`,
      });
    if (errors.length !== before || unitId === null) continue;
    const key = `${unitId}\u0000${codes[0]}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row: r,
        column: codeHeader,
        message: `Hành động cho mã ${codes[0]} của đơn vị này đã có ở dòng ${first}`,
      });
      continue;
    }
    seen.set(key, r);
    actions.push({ unitId, code: codes[0]!, row: r });
  }
  if (errors.length) return { ok: false, errors: sortImportErrors(errors) };
  return { ok: true, actions };
}

export interface CliRemediation {
  actions: ActionRow[];
  outcomes: RemediationOutcome[];
  tally: RemediationTally;
}

export function followActions(input: AnalysisInput, actions: ActionRow[]): CliRemediation {
  const outcomes = remediationOutcomes(
    input,
    actions.map((a) => ({ unitId: a.unitId, code: a.code })),
  );
  return { actions, outcomes, tally: tallyRemediation(outcomes) };
}

const figure = (f: RemediationOutcome["before"]) =>
  f ? `${points(f.points)}/${points(f.maxPoints)} (${pct(f.pct)} %)` : "—";

/** The table of actions and the tally line. */
export function remediationText(r: CliRemediation, unitNames: Map<string, string>): string {
  const rows = r.outcomes.map((o) => [
    unitNames.get(o.unitId) ?? o.unitId,
    o.code,
    o.currentCodes.length && o.currentCodes.join(" + ") !== o.code ? o.currentCodes.join(" + ") : "",
    REMEDIATION_STATUS_LABEL[o.status] + (o.reason ? ` (${REMEDIATION_REASON_LABEL[o.reason]})` : ""),
    figure(o.before),
    figure(o.after),
  ]);
  return [
    "Kết quả thực hiện kế hoạch khắc phục",
    remediationTallyText(r.tally),
    renderTable(["Đơn vị", "Mã năm trước", "Mã năm nay", "Kết quả", "Năm trước", "Năm nay"], rows, [
      false,
      false,
      false,
      false,
      true,
      true,
    ]),
  ].join("\n");
}

/** JSON: each action with its file row, and the tally. */
export function remediationJson(r: CliRemediation, unitNames: Map<string, string>) {
  return {
    actions: r.outcomes.map((o, i) => ({
      row: r.actions[i]!.row,
      unitId: o.unitId,
      unitName: unitNames.get(o.unitId) ?? o.unitId,
      code: o.code,
      currentCodes: o.currentCodes,
      status: o.status,
      reason: o.reason,
      before: o.before,
      after: o.after,
    })),
    tally: r.tally,
  };
}
