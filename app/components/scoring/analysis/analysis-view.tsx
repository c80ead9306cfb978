import { Form, Link } from "@remix-run/react";
import { AreaHeatMap } from "#app/components/scoring/analysis/area-heat-map.tsx";
import { CriteriaTable } from "#app/components/scoring/analysis/criteria-table.tsx";
import { NO_BLOCK } from "#app/components/scoring/analysis/filters.ts";
import { AnalysisKpis, DropsChart } from "#app/components/scoring/analysis/kpis.tsx";
import { RemediationSummary, UnmatchedLists } from "#app/components/scoring/analysis/side-lists.tsx";
import type { AnalysisPageView, RoundHead } from "#app/components/scoring/analysis/view-model.ts";
import { blockPhrase } from "#app/scoring/format.ts";

// The analysis page once the analysis could be made: what is compared with what, then the province's
// figures (KPIs, the largest drops), the criteria table, the unit × area heat map, the criteria without
// counterpart and last year's remediation plans measured this year.

function BlockFilter({ view }: { view: AnalysisPageView }) {
  const { filters } = view;
  return (
    <Form method="get" className="filters analysis-block-filter">
      <div className="field">
        <label htmlFor="analysis-block">Khối</label>
        <select id="analysis-block" name="khoi" defaultValue={filters.khoi}>
          <option value="">Tất cả các khối</option>
          {view.blocks.map((b) => (
            <option key={b} value={b}>
              {b === NO_BLOCK ? "Chưa thuộc khối nào" : b}
            </option>
          ))}
        </select>
      </div>
      {/* The table's filters stay as they are; the pages start again. */}
      {(["cap", "linhvuc", "loc", "q", "xep"] as const).map((k) =>
        filters[k] ? <input key={k} type="hidden" name={k} value={filters[k]} /> : null,
      )}
      <button type="submit">Xem khối</button>
    </Form>
  );
}

export function AnalysisView({ round, view }: { round: RoundHead; view: AnalysisPageView }) {
  const block = view.filters.khoi;
  return (
    <>
      <section className="analysis-head" aria-label="Hai đợt được so sánh">
        <p className="analysis-compare">
          <strong>{round.title}</strong> <span className="muted">so với</span>{" "}
          <Link to={`/scoring/rounds/${view.previous.id}`}>{view.previous.title}</Link>
        </p>
        <p>
          So sánh được{" "}
          <strong>
            {view.comparedUnits}/{view.units}
          </strong>{" "}
          đơn vị{block ? ` của ${block === NO_BLOCK ? "các đơn vị chưa thuộc khối" : blockPhrase(block)}` : ""} (đơn vị
          có kết quả năm {view.previous.year} để so sánh).
        </p>
        <p className={`mapping-banner mapping-${view.mapping.source}`}>
          <span>{view.mapping.label}.</span>
          {view.mapping.url ? (
            <>
              {" "}
              <Link to={view.mapping.url}>Xem hoặc sửa bảng ánh xạ mã</Link>
            </>
          ) : null}
        </p>
      </section>
      {view.blocks.length ? <BlockFilter view={view} /> : null}
      {view.units === 0 ? (
        <p className="empty">Khối này chưa có đơn vị nào có điểm.</p>
      ) : (
        <>
          <AnalysisKpis view={view} />
          <DropsChart drops={view.drops} />
          <CriteriaTable view={view} roundId={round.id} />
          <AreaHeatMap view={view} roundId={round.id} previousYear={view.previous.year} />
        </>
      )}
      <UnmatchedLists unmatched={view.unmatched} previousYear={view.previous.year} />
      {view.remediation ? (
        <RemediationSummary remediation={view.remediation} previousYear={view.previous.year} />
      ) : null}
    </>
  );
}
