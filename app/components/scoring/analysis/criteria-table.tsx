import { Form, Link } from "@remix-run/react";
import {
  filtersQuery,
  LEVEL_LABEL,
  LEVELS,
  SHOW,
  SHOW_LABEL,
  type AnalysisFilters,
} from "#app/components/scoring/analysis/filters.ts";
import type { AnalysisPageView, CriterionRowView } from "#app/components/scoring/analysis/view-model.ts";
import { formatPct, formatPoints, formatSignedPct } from "#app/scoring/format.ts";

// The criteria table: every area, criterion and sub-criterion with this year's and last year's average,
// the change and how many compared units kept, gained or lost points; filtered by GET search parameters
// (a plain form: works without JavaScript and by keyboard), one page at a time.

const ANCHOR = "bang-tieu-chi";

function Filters({ view }: { view: AnalysisPageView }) {
  const f = view.filters;
  return (
    <Form method="get" className="filters analysis-filters" preventScrollReset>
      {f.khoi ? <input type="hidden" name="khoi" value={f.khoi} /> : null}
      {f.xep !== "chi-so" ? <input type="hidden" name="xep" value={f.xep} /> : null}
      <div className="field">
        <label htmlFor="analysis-level">Cấp</label>
        <select id="analysis-level" name="cap" defaultValue={f.cap}>
          <option value="">Tất cả các cấp</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABEL[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="analysis-area">Lĩnh vực</label>
        <select id="analysis-area" name="linhvuc" defaultValue={f.linhvuc}>
          <option value="">Tất cả các lĩnh vực</option>
          {view.areas.map((a) => (
            <option key={a.code} value={a.code}>
              {a.code}. {a.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="analysis-show">Hiển thị</label>
        <select id="analysis-show" name="loc" defaultValue={f.loc}>
          <option value="">Tất cả các dòng</option>
          {SHOW.map((s) => (
            <option key={s} value={s}>
              {SHOW_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="analysis-q">Tìm theo mã hoặc tên</label>
        <input id="analysis-q" name="q" type="search" defaultValue={f.q} maxLength={100} />
      </div>
      <button type="submit">Lọc</button>
      {f.cap || f.linhvuc || f.loc || f.q ? (
        <Link to={`${filtersQuery(f, { cap: "", linhvuc: "", loc: "", q: "", trang: 1 })}#${ANCHOR}`}>Bỏ lọc</Link>
      ) : null}
    </Form>
  );
}

function Change({ value }: { value: number | null }) {
  if (value === null) return <span className="muted">—</span>;
  const cls = value > 0 ? "up" : value < 0 ? "down" : "";
  return <span className={cls}>{formatSignedPct(value)}</span>;
}

function Row({ r, roundId }: { r: CriterionRowView; roundId: string }) {
  const depth = Math.min(r.depth, 2);
  return (
    <tr className={`analysis-row depth-${depth}`}>
      <td data-label="Mã" className="code">
        {r.codes}
        {r.previousCodes ? <div className="muted small">năm trước: {r.previousCodes}</div> : null}
      </td>
      <td data-label="Nội dung" className="title">
        {r.title}
        {r.previousCodes === null ? <div className="muted small">Không có tiêu chí tương ứng năm trước</div> : null}
      </td>
      <td data-label="Điểm tối đa" className="num">
        {formatPoints(r.maxPoints)}
      </td>
      <td data-label="TB năm nay (%)" className="num">
        {formatPct(r.averagePct)}
      </td>
      <td data-label="TB năm trước (%)" className="num">
        {formatPct(r.previousAveragePct)}
      </td>
      <td data-label="Thay đổi (điểm %)" className="num">
        <Change value={r.change} />
      </td>
      <td data-label="So sánh được" className="num">
        {r.compared}
      </td>
      <td data-label="Giữ điểm tối đa" className="num">
        {r.keptFull}
      </td>
      <td data-label="Tăng" className="num">
        {r.gained}
      </td>
      <td data-label="Giảm" className="num">
        {r.lost}
      </td>
      <td data-label="Mới bị trừ điểm" className="num">
        {r.newlyLost}
      </td>
      <td data-label="Giảm nhiều nhất" className="losses">
        {r.losses.length ? (
          <ul>
            {r.losses.map((u) => (
              <li key={`${u.name}-${u.roundUnitId}`}>
                {u.roundUnitId ? (
                  <Link to={`/scoring/rounds/${roundId}/units/${u.roundUnitId}`}>{u.name}</Link>
                ) : (
                  u.name
                )}{" "}
                <span className="down">{formatSignedPct(u.change)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

function Pager({ filters, page, pages }: { filters: AnalysisFilters; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Trang của bảng tiêu chí">
      {page > 1 ? (
        <Link to={`${filtersQuery(filters, { trang: page - 1 })}#${ANCHOR}`} preventScrollReset>
          ← Trang trước
        </Link>
      ) : (
        <span />
      )}
      <span>
        Trang {page}/{pages}
      </span>
      {page < pages ? (
        <Link to={`${filtersQuery(filters, { trang: page + 1 })}#${ANCHOR}`} preventScrollReset>
          Trang sau →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function CriteriaTable({ view, roundId }: { view: AnalysisPageView; roundId: string }) {
  const { table } = view;
  return (
    <section className="card" id={ANCHOR} aria-labelledby={`${ANCHOR}-title`}>
      <h2 id={`${ANCHOR}-title`}>Bảng phân tích theo tiêu chí</h2>
      <Filters view={view} />
      <p className="muted" role="status">
        {table.total} dòng{table.pages > 1 ? `, trang ${table.page}/${table.pages}` : ""}. Điểm trung bình là trung bình
        tỷ lệ % đạt của các đơn vị; tiêu chí không áp dụng với đơn vị nào thì không tính cho đơn vị đó.
      </p>
      {table.rows.length ? (
        <div className="table-scroll">
          <table className="table analysis-table">
            <caption className="visually-hidden">
              Điểm trung bình từng tiêu chí năm nay và năm trước, số đơn vị giữ, tăng, giảm điểm
            </caption>
            <thead>
              <tr>
                <th scope="col">Mã</th>
                <th scope="col">Nội dung</th>
                <th scope="col" className="num">
                  Điểm tối đa
                </th>
                <th scope="col" className="num">
                  TB năm nay (%)
                </th>
                <th scope="col" className="num">
                  TB năm trước (%)
                </th>
                <th scope="col" className="num">
                  Thay đổi (điểm %)
                </th>
                <th scope="col" className="num">
                  So sánh được
                </th>
                <th scope="col" className="num">
                  Giữ điểm tối đa
                </th>
                <th scope="col" className="num">
                  Tăng
                </th>
                <th scope="col" className="num">
                  Giảm
                </th>
                <th scope="col" className="num">
                  Mới bị trừ điểm
                </th>
                <th scope="col">Đơn vị giảm nhiều nhất (điểm %)</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <Row key={r.code} r={r} roundId={roundId} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">Không có dòng nào khớp với bộ lọc.</p>
      )}
      <Pager filters={view.filters} page={table.page} pages={table.pages} />
    </section>
  );
}
