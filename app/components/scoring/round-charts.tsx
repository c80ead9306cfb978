import { ColumnChart, HorizontalBarChart, StackedBarChart } from "#app/ui/charts.tsx";
import { formatPct, formatPoints, formatRankChange, formatSignedPct } from "#app/scoring/format.ts";

// The round page's charts: index by unit, units by class, the biggest moves, and the average by area.

type Move = { name: string; change: number | null; rankChange: number | null };

export function RoundCharts({
  rows,
  bands,
  stats,
}: {
  rows: Array<{ rank: number | null; name: string; indexPct: number; css: string }>;
  bands: Array<{ css: string }>;
  stats: { classCounts: Array<{ className: string; count: number }>; gainers: Move[]; losers: Move[] };
}) {
  return (
    <div className="grid-2-wide">
      <section className="card">
        <HorizontalBarChart
          title="Chỉ số CCHC theo đơn vị (%)"
          bars={rows.map((r) => ({
            label: r.rank === null ? r.name : `${r.rank}. ${r.name}`,
            value: r.indexPct,
            display: formatPct(r.indexPct),
            className: r.css,
          }))}
        />
      </section>
      <section className="card">
        <ColumnChart
          title="Số đơn vị theo xếp loại"
          columns={stats.classCounts.map((c, i) => ({
            label: c.className,
            value: c.count,
            className: bands[i]!.css,
          }))}
        />
        {stats.gainers.length || stats.losers.length ? (
          <>
            <h3>Tăng, giảm nhiều nhất so với năm trước</h3>
            <ul>
              {stats.gainers.map((g) => (
                <li key={`g-${g.name}`}>
                  <span className="up">{formatSignedPct(g.change)} điểm %</span> {g.name}
                  {g.rankChange !== null ? ` (${formatRankChange(g.rankChange)})` : ""}
                </li>
              ))}
              {stats.losers.map((g) => (
                <li key={`l-${g.name}`}>
                  <span className="down">{formatSignedPct(g.change)} điểm %</span> {g.name}
                  {g.rankChange !== null ? ` (${formatRankChange(g.rankChange)})` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}

export function AreaAveragesChart({
  areaAverages,
}: {
  areaAverages: Array<{ code: string; title: string; averagePct: number | null }>;
}) {
  return (
    <section className="card">
      <HorizontalBarChart
        title="Tỷ lệ điểm trung bình theo lĩnh vực (%)"
        bars={areaAverages.map((a) => ({
          label: `${a.code}. ${a.title}`,
          value: a.averagePct ?? 0,
          display: formatPct(a.averagePct),
        }))}
      />
    </section>
  );
}

/** The average index of each block (over its ranked units), side by side. */
export function BlockAveragesChart({
  blocks,
}: {
  blocks: Array<{ name: string; averageIndexPct: number; ranked: number }>;
}) {
  return (
    <section className="card">
      <HorizontalBarChart
        title="Chỉ số trung bình theo khối (%)"
        bars={blocks.map((b) => ({
          label: `${b.name} (${b.ranked} đơn vị)`,
          value: b.averageIndexPct,
          display: formatPct(b.averageIndexPct),
        }))}
      />
    </section>
  );
}

/** Appraisal and survey points of each unit as one bar in two parts, against the largest maximum. */
export function PartsChart({
  title,
  rows,
}: {
  title: string;
  rows: Array<{
    rank: number | null;
    name: string;
    points: number;
    maxPoints: number;
    appraisal: { points: number; maxPoints: number } | null;
    survey: { points: number; maxPoints: number } | null;
  }>;
}) {
  const withParts = rows.filter((r) => r.appraisal || r.survey);
  if (!withParts.length) return null;
  const max = Math.max(...withParts.map((r) => r.maxPoints));
  return (
    <StackedBarChart
      title={title}
      max={max}
      legend={[
        { name: "Thẩm định", className: "part-appraisal" },
        { name: "Điều tra xã hội học", className: "part-survey" },
      ]}
      bars={withParts.map((r) => ({
        label: r.rank === null ? r.name : `${r.rank}. ${r.name}`,
        segments: [
          { name: "Thẩm định", value: r.appraisal?.points ?? 0, className: "part-appraisal" },
          { name: "Điều tra xã hội học", value: r.survey?.points ?? 0, className: "part-survey" },
        ],
        display: `${formatPoints(r.appraisal?.points ?? 0)} + ${formatPoints(r.survey?.points ?? 0)} = ${formatPoints(r.points)}/${formatPoints(r.maxPoints)}`,
      }))}
    />
  );
}
