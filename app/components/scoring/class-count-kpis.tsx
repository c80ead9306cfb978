// One KPI card per class band ("3 Xuất sắc"), for the round and for each block.
export function ClassCountKpis({
  classCounts,
  bands,
}: {
  classCounts: Array<{ className: string; count: number }>;
  bands: Array<{ css: string }>;
}) {
  return (
    <>
      {classCounts.map((c, i) => (
        <div className="kpi" key={c.className}>
          <div className="kpi-value">{c.count}</div>
          <div className="kpi-label">
            <span className={`class-pill ${bands[i]!.css}`}>{c.className}</span>
          </div>
        </div>
      ))}
    </>
  );
}
