import { Link } from "@remix-run/react";
import { DivergingBarChart } from "#app/components/scoring/unit-change/diverging-chart.tsx";
import type { ChangePartView, UnitChangePanelData } from "#app/components/scoring/unit-change/unit-change-view.ts";
import { formatCentiPoints } from "#app/scoring/analysis-labels.ts";
import { formatPct, formatPoints } from "#app/scoring/format.ts";

const pts = (c: number) => formatPoints(c / 100);
const moved = (c: number, up: string, down: string, same: string) => (c > 0 ? up : c < 0 ? down : same);

export interface RankMove {
  rank: number | null;
  previousRank: number | null;
  /** Positive: moved up. */
  rankChange: number | null;
}

function rankSentence(r: RankMove | null): string {
  if (!r || r.rank === null || r.previousRank === null || r.rankChange === null) return "";
  if (r.rankChange === 0) return ` Giữ nguyên hạng ${r.rank}.`;
  const n = Math.abs(r.rankChange);
  return ` Hạng ${r.rankChange > 0 ? "tăng" : "giảm"} ${n} bậc (từ ${r.previousRank} ${r.rankChange > 0 ? "lên" : "xuống"} ${r.rank}).`;
}

function PartList({ parts, empty, limit = 8 }: { parts: ChangePartView[]; empty: string; limit?: number }) {
  if (!parts.length) return <p className="empty">{empty}</p>;
  const item = (p: ChangePartView) => (
    <li key={p.key}>
      <strong>{p.codes}</strong> {p.title}{" "}
      <span className="muted small">
        ({p.statusLabel}: {pts(p.points)}/{pts(p.maxPoints)}, năm trước {pts(p.previousPoints)}/
        {pts(p.previousMaxPoints)})
      </span>
    </li>
  );
  return (
    <>
      <ul>{parts.slice(0, limit).map(item)}</ul>
      {parts.length > limit ? (
        <details>
          <summary>Xem thêm {parts.length - limit} mục</summary>
          <ul>{parts.slice(limit).map(item)}</ul>
        </details>
      ) : null}
    </>
  );
}

/** "Vì sao thay đổi": the index and rank change first, then the points by area, the drivers, done and not done. */
export function UnitChangePanel({ data, rank }: { data: UnitChangePanelData; rank: RankMove | null }) {
  if (data.state === "none")
    return (
      <section className="card">
        <h2>Vì sao chỉ số thay đổi</h2>
        <p className="muted">
          {data.message}
          {data.mappingLink ? (
            <>
              {" "}
              <Link to={data.mappingLink}>Mở bảng ánh xạ mã tiêu chí</Link>
            </>
          ) : null}
        </p>
      </section>
    );
  const year = data.previousYear ? ` năm ${data.previousYear}` : " năm trước";
  return (
    <section className="card unit-change">
      <h2>Vì sao chỉ số thay đổi so với{year}</h2>
      <p className="unit-change-lead">
        Chỉ số{" "}
        <strong className={moved(data.indexChange, "up", "down", "")}>
          {moved(data.indexChange, "tăng", "giảm", "không đổi")}
          {data.indexChange ? ` ${formatPct(Math.abs(data.indexChange))} điểm phần trăm` : ""}
        </strong>
        :{" "}
        {data.indexChange
          ? `từ ${formatPct(data.previousIndexPct)}% ${moved(data.indexChange, "lên", "xuống", "")} `
          : "vẫn "}
        {formatPct(data.indexPct)}%.{rankSentence(rank)}
      </p>
      {data.mapping ? (
        <p className="hint">
          Hai năm dùng hai bộ chỉ số khác nhau: {data.mapping.label.charAt(0).toLowerCase()}
          {data.mapping.label.slice(1)}.{" "}
          {data.mapping.link ? <Link to={data.mapping.link}>Xem bảng ánh xạ mã tiêu chí</Link> : null}
        </p>
      ) : null}
      {data.mergedFrom.length ? (
        <p className="hint">
          Đơn vị được so với tổng điểm của {data.mergedFrom.length} đơn vị trước khi sáp nhập (
          {data.mergedFrom.join("; ")}
          ): tổng điểm và điểm tối đa năm trước là tổng của các đơn vị đó, nên so sánh theo chỉ số (%) là chính.
        </p>
      ) : null}
      <p>
        Tổng điểm {pts(data.total)}/{pts(data.maxTotal)} (năm trước {pts(data.previousTotal)}/
        {pts(data.previousMaxTotal)}): <strong>{formatCentiPoints(data.change)} điểm</strong>, chia theo lĩnh vực:
      </p>
      {data.areas.some((a) => a.change !== 0) ? (
        <DivergingBarChart
          title="Điểm tăng, giảm theo lĩnh vực"
          bars={data.areas.map((a) => ({ key: a.key, label: `${a.codes}. ${a.title}`, value: a.change }))}
        />
      ) : null}
      <div className="table-scroll">
        <table className="table unit-change-table">
          <caption className="visually-hidden">Thay đổi điểm theo lĩnh vực</caption>
          <thead>
            <tr>
              <th scope="col">Lĩnh vực</th>
              <th scope="col" className="num">
                Năm trước
              </th>
              <th scope="col" className="num">
                Năm nay
              </th>
              <th scope="col" className="num">
                Thay đổi
              </th>
            </tr>
          </thead>
          <tbody>
            {data.areas.map((a) => (
              <tr key={a.key}>
                <th scope="row">
                  {a.codes}. {a.title}
                </th>
                <td className="num">{pts(a.previousPoints)}</td>
                <td className="num">{pts(a.points)}</td>
                <td className={`num ${moved(a.change, "up", "down", "")}`}>{formatCentiPoints(a.change)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Tổng</th>
              <td className="num">{pts(data.previousTotal)}</td>
              <td className="num">{pts(data.total)}</td>
              <td className={`num ${moved(data.change, "up", "down", "")}`}>{formatCentiPoints(data.change)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>Tiêu chí giải thích phần lớn thay đổi</h3>
      {data.drivers.length ? (
        <ol>
          {data.drivers.map((d) => (
            <li key={d.key}>
              <strong>{d.codes}</strong> {d.title}:{" "}
              <span className={moved(d.change, "up", "down", "")}>{formatCentiPoints(d.change)} điểm</span>{" "}
              <span className="muted small">({d.statusLabel})</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">Không tiêu chí nào thay đổi điểm.</p>
      )}
      <div className="unit-change-lists">
        <div>
          <h3>Làm tốt ({data.didWell.length})</h3>
          <PartList parts={data.didWell} empty="Không có tiêu chí nào giữ hoặc đạt điểm tối đa." />
        </div>
        <div>
          <h3>Chưa làm được ({data.didNot.length})</h3>
          <PartList parts={data.didNot} empty="Không có tiêu chí nào bị trừ điểm." />
        </div>
      </div>
    </section>
  );
}
