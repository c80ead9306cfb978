// The roll-call list's pages ("Trang 2/50"), as the bridges page pages its list: links that keep the filters.
import { Link } from "@remix-run/react";

export interface RollCallPaging {
  page: number;
  pages: number;
  from: number;
}

export function RollCallPager({ paging, filter }: { paging: RollCallPaging; filter: Record<string, string> }) {
  if (paging.pages < 2) return null;
  const href = (page: number) => {
    const p = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
    if (page > 1) p.set("page", String(page));
    const text = p.toString();
    return text ? `?${text}` : "?";
  };
  return (
    <nav className="pager" aria-label="Trang danh sách điểm danh">
      {paging.page > 1 ? <Link to={href(paging.page - 1)}>‹ Trang trước</Link> : <span />}
      <span className="muted">{`Trang ${paging.page}/${paging.pages}`}</span>
      {paging.page < paging.pages ? <Link to={href(paging.page + 1)}>Trang sau ›</Link> : <span />}
    </nav>
  );
}
