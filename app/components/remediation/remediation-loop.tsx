import { Link } from "@remix-run/react";
import { useState } from "react";
import type { RemediationOutcome, RemediationStatus, RemediationTally } from "#app/scoring/analysis/types.ts";
import { REMEDIATION_REASON_LABEL, REMEDIATION_STATUS_LABEL } from "#app/scoring/analysis-labels.ts";
import { formatPct, formatPoints } from "#app/scoring/format.ts";
import { StackedBarChart, type StackedBar } from "#app/ui/charts.tsx";

// The remediation loop as shown on the remediation pages: each action's result in the round after the
// plan's round, the plan's tally, and the tallies of several plans side by side.

export const NO_NEXT_ROUND = "Chưa có kết quả đánh giá năm sau";

const STATUSES: RemediationStatus[] = ["recovered", "partly", "not-recovered", "not-assessed"];
const TALLY_KEY = {
  recovered: "recovered",
  partly: "partly",
  "not-recovered": "notRecovered",
  "not-assessed": "notAssessed",
} as const satisfies Record<RemediationStatus, keyof RemediationTally>;
const LEGEND = STATUSES.map((s) => ({ name: REMEDIATION_STATUS_LABEL[s], className: `loop-${s}` }));

export function LoopBadge({ status }: { status: RemediationStatus }) {
  return <span className={`badge loop-badge loop-${status}`}>{REMEDIATION_STATUS_LABEL[status]}</span>;
}

const figure = (f: { points: number; maxPoints: number }) => `${formatPoints(f.points)}/${formatPoints(f.maxPoints)}`;

/** "0/1,5 → 0,75/1,5 điểm (0,00% → 50,00%)"; the reason when not assessed; the codes followed. */
export function outcomeText(o: RemediationOutcome): string {
  const parts: string[] = [];
  if (o.after && o.before)
    parts.push(
      `${figure(o.before)} → ${figure(o.after)} điểm (${formatPct(o.before.pct)}% → ${formatPct(o.after.pct)}%)`,
    );
  else if (o.before) parts.push(`năm trước ${figure(o.before)} điểm`);
  if (o.reason) parts.push(REMEDIATION_REASON_LABEL[o.reason]);
  const followed = o.currentCodes.length && (o.currentCodes.length > 1 || o.currentCodes[0] !== o.code.trim());
  if (followed) parts.push(`nay là tiêu chí ${o.currentCodes.join(" + ")}`);
  return parts.join("; ");
}

/** One action's line: "Kết quả năm 2024: [Lấy lại một phần] 0/1,5 → 0,75/1,5 điểm …". */
export function ActionLoopLine({ outcome, year }: { outcome: RemediationOutcome | undefined; year: number }) {
  if (!outcome) return null;
  return (
    <p className="loop-line" data-status={outcome.status}>
      <strong>Kết quả năm {year}:</strong> <LoopBadge status={outcome.status} /> {outcomeText(outcome)}
    </p>
  );
}

function tallyBar(label: string, t: RemediationTally): StackedBar {
  return {
    label,
    segments: STATUSES.map((s) => ({
      name: REMEDIATION_STATUS_LABEL[s],
      value: t[TALLY_KEY[s]],
      className: `loop-${s}`,
    })),
    display: `${t.recovered + t.partly}/${t.total}`,
  };
}

/** Several tallies side by side (plans, areas): how many actions recovered, partly, not, not assessed. */
export function TallyChart({
  title,
  bars,
}: {
  title: string;
  bars: Array<{ label: string; tally: RemediationTally }>;
}) {
  if (!bars.length) return null;
  return (
    <StackedBarChart
      title={title}
      max={Math.max(...bars.map((b) => b.tally.total))}
      legend={LEGEND}
      bars={bars.map((b) => tallyBar(b.label, b.tally))}
    />
  );
}

interface LoopRow {
  id: string;
  code: string;
  title: string;
  outcome: RemediationOutcome;
}

/** The plan's actions and their results, filterable by result. */
export function PlanLoopTable({ rows, year }: { rows: LoopRow[]; year: number }) {
  const [status, setStatus] = useState<RemediationStatus | "">("");
  const shown = status ? rows.filter((r) => r.outcome.status === status) : rows;
  return (
    <>
      <div className="filters">
        <div className="field">
          <label htmlFor="loop-filter">Lọc theo kết quả năm {year}</label>
          <select
            id="loop-filter"
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as RemediationStatus | "")}
          >
            <option value="">Tất cả ({rows.length})</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {REMEDIATION_STATUS_LABEL[s]} ({rows.filter((r) => r.outcome.status === s).length})
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="table-scroll">
        <table className="table loop-table">
          <caption className="visually-hidden">Kết quả năm {year} của từng nhiệm vụ</caption>
          <thead>
            <tr>
              <th scope="col">Tiêu chí</th>
              <th scope="col">Kết quả năm {year}</th>
              <th scope="col">Điểm năm trước → năm {year}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-code={r.code}>
                <td>
                  <a href={`#action-${r.id}`}>{r.code}</a>. {r.title}
                </td>
                <td>
                  <LoopBadge status={r.outcome.status} />
                </td>
                <td>{outcomeText(r.outcome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The tallies of a plan's actions by area (the first part of the code). */
export function tallyByArea(rows: LoopRow[]): Array<{ label: string; tally: RemediationTally }> {
  const areas = new Map<string, RemediationTally>();
  for (const r of rows) {
    const area = r.code.trim().split(".")[0]!;
    const t = areas.get(area) ?? { total: 0, recovered: 0, partly: 0, notRecovered: 0, notAssessed: 0 };
    t.total++;
    t[TALLY_KEY[r.outcome.status]]++;
    areas.set(area, t);
  }
  return [...areas.entries()]
    .sort((a, b) => Number(a[0]) - Number(b[0]) || a[0].localeCompare(b[0]))
    .map(([area, tally]) => ({ label: `Lĩnh vực ${area}`, tally }));
}

type PlanLoop =
  | { state: "no-next-round" }
  | { state: "refused"; nextRound: { title: string; year: number }; message: string }
  | {
      state: "ok";
      nextRound: { id: string; title: string; year: number };
      tallyText: string;
      outcomes: Record<string, RemediationOutcome>;
    };

/** The plan page's section: the tally, a chart by area and the actions' results, filterable. */
export function PlanLoopSection({
  loop,
  actions,
}: {
  loop: PlanLoop;
  actions: Array<{ id: string; code: string; title: string }>;
}) {
  if (loop.state === "no-next-round")
    return (
      <section className="card loop-section" aria-labelledby="loop-heading">
        <h2 id="loop-heading">Kết quả khắc phục</h2>
        <p className="muted">{NO_NEXT_ROUND}.</p>
      </section>
    );
  const year = loop.nextRound.year;
  if (loop.state === "refused")
    return (
      <section className="card loop-section" aria-labelledby="loop-heading">
        <h2 id="loop-heading">Kết quả năm {year}</h2>
        <p className="muted">{loop.message}</p>
      </section>
    );
  const rows = actions.flatMap((a) => {
    const outcome = loop.outcomes[a.id];
    return outcome ? [{ ...a, outcome }] : [];
  });
  return (
    <section className="card loop-section" aria-labelledby="loop-heading">
      <h2 id="loop-heading">Kết quả năm {year}</h2>
      <p className="muted small">
        Mỗi tiêu chí bị mất điểm được đối chiếu trong{" "}
        <Link to={`/scoring/rounds/${loop.nextRound.id}`}>{loop.nextRound.title}</Link> (theo bảng đối chiếu mã của bộ
        chỉ số khi mã thay đổi).
      </p>
      <p className="loop-tally">{loop.tallyText}</p>
      <TallyChart title={`Nhiệm vụ theo kết quả năm ${year}, theo lĩnh vực`} bars={tallyByArea(rows)} />
      <PlanLoopTable rows={rows} year={year} />
    </section>
  );
}
