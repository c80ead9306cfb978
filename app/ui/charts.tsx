// Small SVG charts drawn on the server: readable without JavaScript, printable,
// and each with a text alternative for screen readers.

export interface Bar {
  label: string;
  value: number;
  /** Shown at the end of the bar; defaults to the value with 2 decimals. */
  display?: string;
  className?: string;
}

export function HorizontalBarChart({
  bars,
  max = 100,
  title,
  unit = "%",
}: {
  bars: Bar[];
  max?: number;
  title: string;
  unit?: string;
}) {
  const rowHeight = 22;
  const labelWidth = 220;
  const chartWidth = 420;
  const height = bars.length * rowHeight + 24;
  const x = (v: number) => (Math.max(0, Math.min(v, max)) / max) * chartWidth;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${labelWidth + chartWidth + 70} ${height}`}
        role="img"
        aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.display ?? b.value.toFixed(2)}${unit}`).join("; ")}`}
      >
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t}>
            <line
              x1={labelWidth + x((t / 100) * max)}
              x2={labelWidth + x((t / 100) * max)}
              y1={0}
              y2={height - 18}
              className="grid"
            />
            <text x={labelWidth + x((t / 100) * max)} y={height - 4} className="tick" textAnchor="middle">
              {Math.round((t / 100) * max)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => (
          <g key={`${b.label}-${i}`} transform={`translate(0, ${i * rowHeight})`}>
            <text x={labelWidth - 6} y={rowHeight / 2 + 4} textAnchor="end" className="label">
              {b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}
            </text>
            <rect
              x={labelWidth}
              y={4}
              width={x(b.value)}
              height={rowHeight - 8}
              className={`bar ${b.className ?? ""}`}
              rx={2}
            />
            <text x={labelWidth + x(b.value) + 4} y={rowHeight / 2 + 4} className="value">
              {b.display ?? b.value.toFixed(2)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** Column chart of counts (e.g. units per class). */
export function ColumnChart({
  columns,
  title,
}: {
  columns: Array<{ label: string; value: number; className?: string }>;
  title: string;
}) {
  const width = 80;
  const height = 160;
  const max = Math.max(1, ...columns.map((c) => c.value));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 -16 ${columns.length * width + 20} ${height + 56}`}
        role="img"
        aria-label={`${title}: ${columns.map((c) => `${c.label} ${c.value}`).join("; ")}`}
      >
        {columns.map((c, i) => {
          const h = (c.value / max) * height;
          return (
            <g key={c.label} transform={`translate(${10 + i * width}, 0)`}>
              <rect
                x={14}
                y={height - h + 10}
                width={width - 28}
                height={h}
                className={`bar ${c.className ?? ""}`}
                rx={2}
              />
              <text x={width / 2} y={height - h + 4} textAnchor="middle" className="value">
                {c.value}
              </text>
              <text x={width / 2} y={height + 28} textAnchor="middle" className="label">
                {c.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export interface StackedBar {
  label: string;
  /** Parts in order, each drawn after the previous one; `className` colours it (see the legend). */
  segments: Array<{ name: string; value: number; className?: string }>;
  /** Shown at the end of the bar. */
  display: string;
}

/** Horizontal bars made of parts (e.g. appraisal + survey points), with a legend naming the parts. */
export function StackedBarChart({
  bars,
  max,
  title,
  legend,
}: {
  bars: StackedBar[];
  max: number;
  title: string;
  legend: Array<{ name: string; className?: string }>;
}) {
  const rowHeight = 22;
  const labelWidth = 220;
  const chartWidth = 420;
  const height = bars.length * rowHeight + 24;
  const scale = max > 0 ? max : 1;
  const x = (v: number) => (Math.max(0, Math.min(v, scale)) / scale) * chartWidth;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="chart-legend" aria-hidden="true">
        {legend.map((l) => (
          <span key={l.name}>
            <span className={`swatch ${l.className ?? ""}`} />
            {l.name}
          </span>
        ))}
      </div>
      <svg
        viewBox={`0 0 ${labelWidth + chartWidth + 110} ${height}`}
        role="img"
        aria-label={`${title}: ${bars
          .map((b) => `${b.label}: ${b.segments.map((s) => `${s.name} ${s.value.toFixed(2)}`).join(", ")}`)
          .join("; ")}`}
      >
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line
              x1={labelWidth + t * chartWidth}
              x2={labelWidth + t * chartWidth}
              y1={0}
              y2={height - 18}
              className="grid"
            />
            <text x={labelWidth + t * chartWidth} y={height - 4} className="tick" textAnchor="middle">
              {Math.round(t * scale)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          let start = 0;
          return (
            <g key={`${b.label}-${i}`} transform={`translate(0, ${i * rowHeight})`}>
              <text x={labelWidth - 6} y={rowHeight / 2 + 4} textAnchor="end" className="label">
                {b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}
              </text>
              {b.segments.map((s) => {
                const from = start;
                start += s.value;
                return (
                  <rect
                    key={s.name}
                    x={labelWidth + x(from)}
                    y={4}
                    width={Math.max(0, x(from + s.value) - x(from))}
                    height={rowHeight - 8}
                    className={`bar ${s.className ?? ""}`}
                  />
                );
              })}
              <text x={labelWidth + x(start) + 4} y={rowHeight / 2 + 4} className="value">
                {b.display}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** CSS class for a class band by its position (0 = best). */
export function bandClass(position: number, total: number): string {
  if (position < 0) return "";
  const scale = ["band-1", "band-2", "band-3", "band-4", "band-5"];
  const i = total <= 1 ? 0 : Math.round((position / (total - 1)) * (scale.length - 1));
  return scale[i]!;
}
