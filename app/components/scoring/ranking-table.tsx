import { Link } from "@remix-run/react";
import { useMemo, useState } from "react";
import { formatPct, formatPoints, formatRankChange, formatSignedPct } from "#app/scoring/format.ts";
import type { ClassChange } from "#app/scoring/types.ts";

// The round page's ranking: a table sortable by each numeric column and by name.

export interface RankingRow {
  unitId: string;
  roundUnitId: string;
  name: string;
  points: number;
  maxPoints: number;
  indexPct: number;
  className: string;
  css: string;
  rank: number | null;
  rankChange: number | null;
  indexChange: number | null;
  classChange: ClassChange | null;
  previousClass: string | null;
}

type SortKey = "rank" | "name" | "points" | "maxPoints" | "indexPct" | "rankChange";

function SortHeader({
  label,
  k,
  sort,
  setSort,
  numeric,
}: {
  label: string;
  k: SortKey;
  sort: { key: SortKey; dir: 1 | -1 };
  setSort: (s: { key: SortKey; dir: 1 | -1 }) => void;
  numeric?: boolean;
}) {
  const active = sort.key === k;
  return (
    <th
      scope="col"
      className={numeric ? "num" : ""}
      aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort({ key: k, dir: active ? (sort.dir === 1 ? -1 : 1) : 1 })}
      >
        {label}
        {active ? (sort.dir === 1 ? " ↑" : " ↓") : ""}
      </button>
    </th>
  );
}

export function RankingTable({
  rows: unsorted,
  roundId,
  hasPrevious,
  canManage,
}: {
  rows: RankingRow[];
  roundId: string;
  hasPrevious: boolean;
  canManage: boolean;
}) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "rank", dir: 1 });
  const rows = useMemo(() => {
    const value = (r: RankingRow) => (sort.key === "name" ? r.name : (r[sort.key] ?? -Infinity));
    return [...unsorted].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === "string" ? x.localeCompare(String(y), "vi") : (x as number) - (y as number);
      return c * sort.dir;
    });
  }, [unsorted, sort]);
  return (
    <section>
      <h2>Bảng xếp hạng</h2>
      {rows.length === 0 ? (
        <p className="empty">Chưa có điểm. {canManage ? "Nhập tệp điểm ở trên hoặc chấm điểm từng đơn vị." : ""}</p>
      ) : (
        <div className="table-scroll">
          <table className="table ranking">
            <thead>
              <tr>
                <SortHeader label="Hạng" k="rank" sort={sort} setSort={setSort} numeric />
                <SortHeader label="Đơn vị" k="name" sort={sort} setSort={setSort} />
                <SortHeader label="Điểm" k="points" sort={sort} setSort={setSort} numeric />
                <SortHeader label="Tối đa" k="maxPoints" sort={sort} setSort={setSort} numeric />
                <SortHeader label="Chỉ số (%)" k="indexPct" sort={sort} setSort={setSort} numeric />
                <th scope="col">Xếp loại</th>
                {hasPrevious ? (
                  <>
                    <SortHeader label="Thay đổi hạng" k="rankChange" sort={sort} setSort={setSort} numeric />
                    <th scope="col" className="num">
                      Chỉ số so năm trước
                    </th>
                    <th scope="col">Xếp loại năm trước</th>
                  </>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.unitId}>
                  <td className="num">{r.rank ?? "—"}</td>
                  <td>
                    <Link to={`/scoring/rounds/${roundId}/units/${r.roundUnitId}`}>{r.name}</Link>
                  </td>
                  <td className="num">{formatPoints(r.points)}</td>
                  <td className="num">{formatPoints(r.maxPoints)}</td>
                  <td className="num">{formatPct(r.indexPct)}</td>
                  <td>
                    <span className={`class-pill ${r.css}`}>{r.className}</span>
                  </td>
                  {hasPrevious ? (
                    <>
                      <td className={`num ${r.rankChange ? (r.rankChange > 0 ? "up" : "down") : ""}`}>
                        {formatRankChange(r.rankChange)}
                        {r.rankChange ? (
                          <span className="visually-hidden">{r.rankChange > 0 ? " bậc tăng" : " bậc giảm"}</span>
                        ) : null}
                      </td>
                      <td className="num">{formatSignedPct(r.indexChange)}</td>
                      <td>
                        {r.previousClass ?? ""}
                        {r.classChange === "up" ? (
                          <span className="up"> ▲</span>
                        ) : r.classChange === "down" ? (
                          <span className="down"> ▼</span>
                        ) : null}
                      </td>
                    </>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
