import { Link } from "@remix-run/react";
import { useMemo, useState } from "react";
import { formatPct, formatPoints, formatRankChange, formatSignedPct } from "#app/scoring/format.ts";
import type { ClassChange, PreviousBasis } from "#app/scoring/types.ts";

// The round page's ranking of one block: a table sortable by each numeric column and by name. Units not
// ranked show "Không xếp hạng" and the reason; the previous year's rank is the one published then.

export interface RankingRow {
  unitId: string;
  roundUnitId: string;
  name: string;
  points: number;
  maxPoints: number;
  indexPct: number;
  className: string;
  /** Why an area floor kept the unit out of a higher class ("không đạt Xuất sắc vì lĩnh vực 7 …"), if it did. */
  classFloor: string | null;
  css: string;
  rank: number | null;
  rankChange: number | null;
  indexChange: number | null;
  classChange: ClassChange | null;
  previousClass: string | null;
  ranked: boolean;
  notRankedReason: string | null;
  /** Appraisal (thẩm định) and survey (điều tra xã hội học) points, when known. */
  appraisal: { points: number; maxPoints: number } | null;
  survey: { points: number; maxPoints: number } | null;
  /** The rank published last year (null: not ranked then, or several units merged). */
  previousRank: number | null;
  previousBasis: PreviousBasis;
  /** Names of the previous round's units this one replaced. */
  predecessors: string[];
}

type SortKey = "rank" | "name" | "points" | "maxPoints" | "indexPct" | "rankChange" | "appraisal" | "survey";

/** "Đơn vị mới", "7", "7 (Sở A)", "từ A, B": what the previous year offers to compare with. */
function previousText(r: RankingRow): string {
  if (r.previousBasis === "none") return "Đơn vị mới";
  if (r.predecessors.length > 1) return `từ ${r.predecessors.join(", ")}`;
  const rank = r.previousRank === null ? "Không xếp hạng" : String(r.previousRank);
  return r.previousBasis === "mapped" ? `${rank} (${r.predecessors.join(", ")})` : rank;
}

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
  hasParts,
  title = "Bảng xếp hạng",
  headingLevel = 2,
}: {
  rows: RankingRow[];
  roundId: string;
  hasPrevious: boolean;
  canManage: boolean;
  /** Appraisal and survey points as their own columns. */
  hasParts: boolean;
  title?: string;
  headingLevel?: 2 | 3;
}) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "rank", dir: 1 });
  const rows = useMemo(() => {
    const value = (r: RankingRow): string | number => {
      if (sort.key === "name") return r.name;
      if (sort.key === "appraisal" || sort.key === "survey") return r[sort.key]?.points ?? -Infinity;
      // Units not ranked after the ranked ones, whichever way.
      if (sort.key === "rank") return r.rank ?? (sort.dir === 1 ? Infinity : -Infinity);
      return r[sort.key] ?? -Infinity;
    };
    return [...unsorted].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === "string" ? x.localeCompare(String(y), "vi") : (x as number) - (y as number);
      return c * sort.dir;
    });
  }, [unsorted, sort]);
  return (
    <section>
      {headingLevel === 2 ? <h2>{title}</h2> : <h3>{title}</h3>}
      {rows.length === 0 ? (
        <p className="empty">Chưa có điểm. {canManage ? "Nhập tệp điểm ở trên hoặc chấm điểm từng đơn vị." : ""}</p>
      ) : (
        <div className="table-scroll">
          <table className="table ranking">
            <thead>
              <tr>
                <SortHeader label="Hạng" k="rank" sort={sort} setSort={setSort} numeric />
                <SortHeader label="Đơn vị" k="name" sort={sort} setSort={setSort} />
                {hasParts ? (
                  <>
                    <SortHeader label="Thẩm định" k="appraisal" sort={sort} setSort={setSort} numeric />
                    <SortHeader label="Điều tra XHH" k="survey" sort={sort} setSort={setSort} numeric />
                  </>
                ) : null}
                <SortHeader label="Điểm" k="points" sort={sort} setSort={setSort} numeric />
                <SortHeader label="Tối đa" k="maxPoints" sort={sort} setSort={setSort} numeric />
                <SortHeader label="Chỉ số (%)" k="indexPct" sort={sort} setSort={setSort} numeric />
                <th scope="col">Xếp loại</th>
                {hasPrevious ? (
                  <>
                    <th scope="col" className="num">
                      Hạng năm trước
                    </th>
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
                <tr key={r.unitId} className={r.ranked ? "" : "not-ranked-row"}>
                  <td className={r.rank === null ? "not-ranked" : "num"}>
                    {r.rank ?? (r.ranked ? "—" : "Không xếp hạng")}
                  </td>
                  <td>
                    <Link to={`/scoring/rounds/${roundId}/units/${r.roundUnitId}`}>{r.name}</Link>
                    {!r.ranked && r.notRankedReason ? (
                      <div className="muted small">Không xếp hạng: {r.notRankedReason}</div>
                    ) : null}
                  </td>
                  {hasParts ? (
                    <>
                      <td className="num">
                        {r.appraisal
                          ? `${formatPoints(r.appraisal.points)}/${formatPoints(r.appraisal.maxPoints)}`
                          : ""}
                      </td>
                      <td className="num">
                        {r.survey ? `${formatPoints(r.survey.points)}/${formatPoints(r.survey.maxPoints)}` : ""}
                      </td>
                    </>
                  ) : null}
                  <td className="num">{formatPoints(r.points)}</td>
                  <td className="num">{formatPoints(r.maxPoints)}</td>
                  <td className="num">{formatPct(r.indexPct)}</td>
                  <td>
                    <span className={`class-pill ${r.css}`} title={r.classFloor ?? undefined}>
                      {r.className}
                      {r.classFloor ? "*" : ""}
                    </span>
                    {r.classFloor ? <div className="muted small">{r.classFloor}</div> : null}
                  </td>
                  {hasPrevious ? (
                    <>
                      <td className={r.previousBasis === "none" ? "muted" : "num"}>{previousText(r)}</td>
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
          {rows.some((r) => r.classFloor) ? (
            <p className="muted small">* Xếp loại thấp hơn mức của chỉ số vì có lĩnh vực dưới mức tối thiểu.</p>
          ) : null}
        </div>
      )}
    </section>
  );
}
