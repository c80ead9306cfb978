import { Form, Link } from "@remix-run/react";
import { filtersQuery, HEAT_ORDER_LABEL } from "#app/components/scoring/analysis/filters.ts";
import type { AnalysisPageView } from "#app/components/scoring/analysis/view-model.ts";
import { formatPct, formatSignedPct } from "#app/scoring/format.ts";
import { HeatMapTable, type HeatStep } from "#app/ui/heat-map.tsx";

// Units × areas: each cell this year's % of the area, coloured by step, with the change against last
// year under it. 60 units a page (search parameter trang_dv).

const ANCHOR = "ban-do-nhiet";

const STEPS: HeatStep[] = [
  { min: 90, label: "Từ 90 %", className: "heat-0" },
  { min: 80, label: "80 – dưới 90 %", className: "heat-1" },
  { min: 70, label: "70 – dưới 80 %", className: "heat-2" },
  { min: 50, label: "50 – dưới 70 %", className: "heat-3" },
  { min: Number.NEGATIVE_INFINITY, label: "Dưới 50 %", className: "heat-4" },
];

export function AreaHeatMap({
  view,
  roundId,
  previousYear,
}: {
  view: AnalysisPageView;
  roundId: string;
  previousYear: number;
}) {
  const { heat, filters } = view;
  const keep = (["khoi", "cap", "linhvuc", "loc", "q"] as const).filter((k) => filters[k]);
  const columns = heat.areas.map((a) => ({ key: a.code, label: a.code, title: a.title }));
  const rows = heat.units.map((u, i) => ({
    key: `${u.roundUnitId ?? u.name}-${i}`,
    header: (
      <>
        {u.roundUnitId ? <Link to={`/scoring/rounds/${roundId}/units/${u.roundUnitId}`}>{u.name}</Link> : u.name}
        <span className="muted small heat-index"> {formatPct(u.indexPct)} %</span>
      </>
    ),
    cells: u.cells.map((c, ci) => {
      const area = heat.areas[ci]!;
      const change =
        c.change === null
          ? `không có kết quả năm ${previousYear} để so sánh`
          : `${formatSignedPct(c.change)} điểm % so với năm ${previousYear}`;
      return {
        value: c.pct,
        text: c.pct === null ? "—" : formatPct(c.pct),
        detail: c.change === null ? undefined : formatSignedPct(c.change),
        detailClassName: c.change === null ? "" : c.change > 0 ? "up" : c.change < 0 ? "down" : "",
        title:
          c.pct === null
            ? `${u.name}, lĩnh vực ${area.code}: không áp dụng`
            : `${u.name}, lĩnh vực ${area.code} (${area.title}): ${formatPct(c.pct)} %, ${change}`,
      };
    }),
  }));
  return (
    <section className="card" id={ANCHOR} aria-labelledby={`${ANCHOR}-title`}>
      <h2 id={`${ANCHOR}-title`}>Bản đồ nhiệt: đơn vị × lĩnh vực</h2>
      <p className="muted">
        Mỗi ô: tỷ lệ % điểm đạt của lĩnh vực năm nay, dòng dưới là mức thay đổi so với năm {previousYear} (điểm phần
        trăm). “—”: lĩnh vực không áp dụng với đơn vị.
      </p>
      <Form method="get" className="filters" preventScrollReset>
        {keep.map((k) => (
          <input key={k} type="hidden" name={k} value={filters[k]} />
        ))}
        {filters.trang > 1 ? <input type="hidden" name="trang" value={filters.trang} /> : null}
        <div className="field">
          <label htmlFor="heat-order">Sắp xếp đơn vị</label>
          <select id="heat-order" name="xep" defaultValue={filters.xep}>
            {Object.entries(HEAT_ORDER_LABEL).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Sắp xếp</button>
      </Form>
      <HeatMapTable
        caption={`Tỷ lệ % điểm đạt theo lĩnh vực của ${heat.total} đơn vị${
          heat.pages > 1 ? ` (trang ${heat.page}/${heat.pages})` : ""
        }`}
        corner="Đơn vị (chỉ số năm nay)"
        columns={columns}
        rows={rows}
        steps={STEPS}
      />
      <ul className="heat-areas muted small" aria-label="Tên các lĩnh vực">
        {heat.areas.map((a) => (
          <li key={a.code}>
            <strong>{a.code}</strong>: {a.title}
          </li>
        ))}
      </ul>
      {heat.pages > 1 ? (
        <nav className="pager" aria-label="Trang của bản đồ nhiệt">
          {heat.page > 1 ? (
            <Link to={`${filtersQuery(filters, { trang_dv: heat.page - 1 })}#${ANCHOR}`} preventScrollReset>
              ← Các đơn vị trước
            </Link>
          ) : (
            <span />
          )}
          <span>
            Trang {heat.page}/{heat.pages}
          </span>
          {heat.page < heat.pages ? (
            <Link to={`${filtersQuery(filters, { trang_dv: heat.page + 1 })}#${ANCHOR}`} preventScrollReset>
              Đơn vị tiếp theo →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
