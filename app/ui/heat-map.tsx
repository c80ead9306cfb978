import type { ReactNode } from "react";

// A heat map drawn as a table (app/ui/charts.tsx holds the SVG charts): readable without colour, by a
// screen reader and in print.

/** One step of a heat map's colour scale: values from `min` up (to the previous step) take `className`. */
export interface HeatStep {
  min: number;
  label: string;
  className: string;
}

export interface HeatCellData {
  /** Decides the colour; null: no value (shown as the text, in grey). */
  value: number | null;
  /** The cell's text (the value itself: the colour is never the only carrier). */
  text: string;
  /** A second line, e.g. the change against last year. */
  detail?: string;
  detailClassName?: string;
  /** Read on hover and by screen readers that announce titles. */
  title: string;
}

/**
 * A heat map as a real table: a caption, column and row headers, each cell coloured by its value and
 * carrying that value as text, and a legend of the colour steps beside it. `steps` from the highest.
 */
export function HeatMapTable({
  caption,
  corner,
  columns,
  rows,
  steps,
  emptyClassName = "heat-none",
}: {
  caption: string;
  /** Header of the row-header column. */
  corner: string;
  columns: Array<{ key: string; label: string; title?: string }>;
  rows: Array<{ key: string; header: ReactNode; cells: HeatCellData[] }>;
  steps: HeatStep[];
  emptyClassName?: string;
}) {
  const classOf = (v: number | null) =>
    v === null ? emptyClassName : (steps.find((s) => v >= s.min) ?? steps[steps.length - 1]!).className;
  return (
    <div className="heat-map">
      <ul className="heat-legend" aria-label={`Chú giải màu: ${caption}`}>
        {steps.map((s) => (
          <li key={s.className}>
            <span className={`heat-swatch ${s.className}`} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      {/* Focusable so that a keyboard can scroll it sideways on a narrow screen. */}
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table className="heat-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{corner}</th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="num" title={c.title}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.header}</th>
                {r.cells.map((cell, i) => (
                  <td key={columns[i]?.key ?? i} className={`num heat-cell ${classOf(cell.value)}`} title={cell.title}>
                    <span className="heat-value">{cell.text}</span>
                    {cell.detail ? (
                      <span className={`heat-detail ${cell.detailClassName ?? ""}`}>{cell.detail}</span>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
