import { Link, useLocation } from "@remix-run/react";

/** "‹ Trang trước · Trang 2/35 · Trang sau ›" for a list paged by `?page=`, keeping the other parameters. */
export function PageLinks({ page, pages, label }: { page: number; pages: number; label: string }) {
  const { search } = useLocation();
  const href = (to: number) => {
    const p = new URLSearchParams(search);
    if (to > 1) p.set("page", String(to));
    else p.delete("page");
    const text = p.toString();
    return text ? `?${text}` : ".";
  };
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? <Link to={href(page - 1)}>‹ Trang trước</Link> : <span />}
      <span className="muted">{`Trang ${page}/${pages}`}</span>
      {page < pages ? <Link to={href(page + 1)}>Trang sau ›</Link> : <span />}
    </nav>
  );
}
