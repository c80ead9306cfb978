import type { AnalysisPageView, CriterionBrief } from "#app/components/scoring/analysis/view-model.ts";
import { formatPct, formatSignedPct } from "#app/scoring/format.ts";
import { HorizontalBarChart } from "#app/ui/charts.tsx";

// The province's strongest and weakest criteria and the largest drops, and the chart of the drops.

function KpiCard({
  title,
  items,
  figure,
  empty,
}: {
  title: string;
  items: CriterionBrief[];
  figure: (c: CriterionBrief) => { text: string; className?: string };
  empty: string;
}) {
  return (
    <section className="analysis-kpi">
      <h2>{title}</h2>
      {items.length ? (
        <ol>
          {items.map((c) => {
            const f = figure(c);
            return (
              <li key={c.code}>
                <span className="analysis-kpi-code">{c.code}</span> <span>{c.title}</span>{" "}
                <strong className={f.className}>{f.text}</strong>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}

export function AnalysisKpis({ view }: { view: AnalysisPageView }) {
  const pct = (c: CriterionBrief) => ({ text: `${formatPct(c.averagePct)} %` });
  return (
    <div className="analysis-kpis">
      <KpiCard
        title="Tiêu chí đạt cao nhất"
        items={view.strongest}
        figure={pct}
        empty="Chưa có tiêu chí nào có điểm."
      />
      <KpiCard title="Tiêu chí đạt thấp nhất" items={view.weakest} figure={pct} empty="Chưa có tiêu chí nào có điểm." />
      <KpiCard
        title="Giảm nhiều nhất so với năm trước"
        items={view.drops.slice(0, 3)}
        figure={(c) => ({ text: `${formatSignedPct(c.change)} điểm %`, className: "down" })}
        empty="Không có tiêu chí nào giảm điểm trung bình."
      />
    </div>
  );
}

/** A round upper bound whose quarters are whole numbers (the chart's ticks). */
function niceMax(v: number): number {
  for (const m of [4, 8, 12, 20, 40, 60, 100]) if (v <= m) return m;
  return Math.ceil(v / 20) * 20;
}

export function DropsChart({ drops }: { drops: CriterionBrief[] }) {
  if (!drops.length)
    return (
      <section className="card">
        <h2>Tiêu chí giảm điểm trung bình nhiều nhất</h2>
        <p className="muted">Không có tiêu chí nào giảm điểm trung bình so với năm trước.</p>
      </section>
    );
  const bars = drops.map((d) => ({
    label: `${d.code} ${d.title}`,
    value: -(d.change ?? 0),
    display: formatSignedPct(d.change),
    className: "drop",
  }));
  return (
    <section className="card">
      <h2>Tiêu chí giảm điểm trung bình nhiều nhất</h2>
      <div className="chart-scroll" role="region" aria-label="Biểu đồ mức giảm (cuộn ngang)" tabIndex={0}>
        <HorizontalBarChart
          bars={bars}
          max={niceMax(Math.max(...bars.map((b) => b.value)))}
          title="Mức giảm điểm trung bình so với năm trước (điểm phần trăm)"
          unit=" điểm phần trăm"
        />
      </div>
    </section>
  );
}
