import { formatCentiPoints } from "#app/scoring/analysis-labels.ts";

/**
 * Bars either side of zero, in hundredths of a point: gains to the right in green, losses to the left in
 * red. Plain HTML (readable at any width, printable, read out as text); the table beside it carries the
 * same figures.
 */
export function DivergingBarChart({
  title,
  bars,
}: {
  title: string;
  bars: Array<{ key: string; label: string; value: number }>;
}) {
  const largest = Math.max(1, ...bars.map((b) => Math.abs(b.value)));
  const pct = (v: number) => `${((Math.abs(v) / largest) * 100).toFixed(1)}%`;
  return (
    <figure className="diverging-chart">
      <figcaption>{title}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.key}>
            <span className="diverging-label">{b.label}</span>
            <span className="diverging-track" aria-hidden="true">
              <span className="diverging-half loss-side">
                {b.value < 0 ? <span className="diverging-bar loss" style={{ width: pct(b.value) }} /> : null}
              </span>
              <span className="diverging-half gain-side">
                {b.value > 0 ? <span className="diverging-bar gain" style={{ width: pct(b.value) }} /> : null}
              </span>
            </span>
            <span className={`diverging-value ${b.value > 0 ? "up" : b.value < 0 ? "down" : ""}`}>
              {formatCentiPoints(b.value)}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
