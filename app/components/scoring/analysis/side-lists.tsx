import { Link } from "@remix-run/react";
import type { AnalysisPageView } from "#app/components/scoring/analysis/view-model.ts";
import type { NodeRef } from "#app/scoring/analysis/types.ts";
import { CHANGE_STATUS_LABEL } from "#app/scoring/analysis-labels.ts";
import { formatPoints } from "#app/scoring/format.ts";

// The criteria with no counterpart in the other year (reported, never compared with something else), and
// the remediation plans made after last year's round, measured in this one.

const LEVEL = ["Lĩnh vực", "Tiêu chí", "Tiêu chí thành phần"];

function NodeList({ nodes, empty }: { nodes: NodeRef[]; empty: string }) {
  if (!nodes.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="node-list">
      {nodes.map((n) => (
        <li key={n.code}>
          <strong>{n.code}</strong> {n.title}{" "}
          <span className="muted small">
            ({LEVEL[Math.min(n.depth, 2)]}, tối đa {formatPoints(n.maxPoints)} điểm)
          </span>
        </li>
      ))}
    </ul>
  );
}

export function UnmatchedLists({
  unmatched,
  previousYear,
}: {
  unmatched: AnalysisPageView["unmatched"];
  previousYear: number;
}) {
  return (
    <section className="card" aria-labelledby="khong-doi-chieu">
      <h2 id="khong-doi-chieu">Tiêu chí không có tiêu chí tương ứng</h2>
      <div className="grid-2-wide">
        <div>
          <h3>
            {CHANGE_STATUS_LABEL.new} ({unmatched.current.length})
          </h3>
          <NodeList nodes={unmatched.current} empty={`Không có: mọi tiêu chí năm nay đều có ở năm ${previousYear}.`} />
        </div>
        <div>
          <h3>
            {CHANGE_STATUS_LABEL.gone} ({unmatched.previous.length})
          </h3>
          <NodeList
            nodes={unmatched.previous}
            empty={`Không có: mọi tiêu chí năm ${previousYear} đều còn được đánh giá.`}
          />
        </div>
      </div>
    </section>
  );
}

export function RemediationSummary({
  remediation,
  previousYear,
}: {
  remediation: NonNullable<AnalysisPageView["remediation"]>;
  previousYear: number;
}) {
  return (
    <section className="card" aria-labelledby="ket-qua-khac-phuc">
      <h2 id="ket-qua-khac-phuc">Kết quả thực hiện kế hoạch khắc phục sau năm {previousYear}</h2>
      <p className="remediation-tally">
        <strong>{remediation.text}</strong>
      </p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Kết quả từng kế hoạch khắc phục</caption>
          <thead>
            <tr>
              <th scope="col">Kế hoạch khắc phục</th>
              <th scope="col">Đơn vị</th>
              <th scope="col">Kết quả năm nay</th>
            </tr>
          </thead>
          <tbody>
            {remediation.plans.map((p) => (
              <tr key={p.planId}>
                <td data-label="Kế hoạch">
                  <Link to={`/remediation/${p.planId}`}>{p.title}</Link>
                </td>
                <td data-label="Đơn vị">{p.unitName}</td>
                <td data-label="Kết quả">{p.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
