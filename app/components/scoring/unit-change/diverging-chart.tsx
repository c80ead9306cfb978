import { formatCentiPoints } from "#app/scoring/analysis-labels.ts";

/**
 * Bars either side of zero, in hundredths of a point: gains to the right in green, losses to the left in
 * red. Drawn on the server as SVG with a text alternative; the table beside it carries the same figures.
 */
export function DivergingBarChart({
  title,
  bars,
}: {
  title: string;
  bars: Array<{ key: string; label: string; value: number }>;
}) {
  const rowHeight = 24;
  const labelWidth = 210;
  const half = 190;
  const valueRoom = 64;
  const width = labelWidth + valueRoom + 2 * half + valueRoom;
  const zero = labelWidth + valueRoom + half;
  const height = bars.length * rowHeight + 8;
  const largest = Math.max(1, ...bars.map((b) => Math.abs(b.value)));
  const w = (v: number) => (Math.abs(v) / largest) * half;
  return (
    <figure className="chart diverging-chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${bars.map((b) => `${b.label} ${formatCentiPoints(b.value)} điểm`).join("; ")}`}
      >
        <line x1={zero} x2={zero} y1={0} y2={height} className="axis" />
        {bars.map((b, i) => {
          const y = i * rowHeight + 4;
          const gain = b.value >= 0;
          return (
            <g key={b.key}>
              <text x={labelWidth - 6} y={y + rowHeight / 2 + 2} textAnchor="end" className="label">
                {b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label}
              </text>
              <rect
                x={gain ? zero : zero - w(b.value)}
                y={y + 3}
                width={Math.max(b.value === 0 ? 0 : 1, w(b.value))}
                height={rowHeight - 8}
                className={gain ? "gain" : "loss"}
                rx={2}
              />
              <text
                x={gain ? zero + w(b.value) + 4 : zero - w(b.value) - 4}
                y={y + rowHeight / 2 + 2}
                textAnchor={gain ? "start" : "end"}
                className="value"
              >
                {formatCentiPoints(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
