import { Form, Link } from "@remix-run/react";
import { ACTOR_KINDS, filterQuery, type AuditFilters } from "#app/audit/filters.ts";
import { ACTOR_KIND_LABEL } from "#app/audit/labels.ts";
import type { AuditChangeView, AuditPage, AuditRowView } from "#app/audit/query.server.ts";

// "Nhật ký thay đổi": the filter form, the table of events (newest first) and the pager, shared by
// the conference, round and admin pages.

/** Values longer than this are cut in the table, the whole value one click away. */
const SHORT = 160;

function Value({ text, kind }: { text: string; kind: "before" | "after" }) {
  const label = kind === "before" ? "Trước" : "Sau";
  if (text.length <= SHORT) {
    return (
      <span className={`audit-value ${kind}`}>
        <span className="visually-hidden">{label}: </span>
        {text}
      </span>
    );
  }
  return (
    <span className={`audit-value ${kind}`}>
      <span className="visually-hidden">{label}: </span>
      {text.slice(0, SHORT)}…
      <details>
        <summary>Xem đầy đủ ({label.toLowerCase()})</summary>
        <div className="audit-full">{text}</div>
      </details>
    </span>
  );
}

function Changes({ changes, more }: { changes: AuditChangeView[]; more: number }) {
  if (!changes.length) return <span className="muted">—</span>;
  return (
    <ul className="audit-changes">
      {changes.map((c, i) => (
        <li key={i}>
          <span className="field-name">{c.field}:</span> <Value text={c.before} kind="before" />{" "}
          <span aria-hidden="true">→</span>
          <span className="visually-hidden">, </span> <Value text={c.after} kind="after" />
        </li>
      ))}
      {more ? <li className="muted small">và {more.toLocaleString("vi-VN")} thay đổi khác (xem tệp Excel)</li> : null}
    </ul>
  );
}

function Row({ r }: { r: AuditRowView }) {
  return (
    <tr>
      <td className="when">
        <time dateTime={r.atIso}>{r.at}</time>
      </td>
      <td className="who">
        {r.actor}
        {r.ip ? <div className="muted small">IP {r.ip}</div> : null}
      </td>
      <td className="what">{r.action}</td>
      <td className="record">
        {r.summary}
        <div className="muted small">
          {r.entity} · <span title="Mã bản ghi">{r.entityId}</span>
        </div>
      </td>
      <td>
        <Changes changes={r.changes} more={r.moreChanges} />
      </td>
    </tr>
  );
}

export interface AuditLogData extends AuditPage {
  filters: AuditFilters;
}

export function AuditLog({ data, exportPath }: { data: AuditLogData; exportPath: string }) {
  const f = data.filters;
  const query = filterQuery(f);
  const actions = f.entity ? data.actions.filter((a) => a.entity === f.entity) : data.actions;
  return (
    <>
      <Form method="get" className="filters audit-filters" role="search" aria-label="Lọc nhật ký">
        <div className="field">
          <label htmlFor="a-from">Từ ngày</label>
          <input id="a-from" name="from" type="date" defaultValue={f.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="a-to">Đến ngày</label>
          <input id="a-to" name="to" type="date" defaultValue={f.to ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="a-actor">Người thực hiện</label>
          <input
            id="a-actor"
            name="actor"
            type="search"
            defaultValue={f.actor ?? ""}
            placeholder="Tên hoặc thư điện tử"
          />
        </div>
        <div className="field">
          <label htmlFor="a-kind">Loại người thực hiện</label>
          <select id="a-kind" name="kind" defaultValue={f.kind ?? ""}>
            <option value="">Tất cả</option>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {ACTOR_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-entity">Loại bản ghi</label>
          <select id="a-entity" name="entity" defaultValue={f.entity ?? ""}>
            <option value="">Tất cả</option>
            {data.entities.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-action">Thao tác</label>
          <select id="a-action" name="action" defaultValue={f.action ?? ""}>
            <option value="">Tất cả</option>
            {actions.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field wide">
          <label htmlFor="a-q">Tìm trong nội dung</label>
          <input
            id="a-q"
            name="q"
            type="search"
            defaultValue={f.q ?? ""}
            placeholder="Tên người, tên bản ghi, giá trị…"
          />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Lọc
          </button>
          {query ? <Link to="?">Bỏ lọc</Link> : null}
        </div>
      </Form>
      <div className="page-head">
        <p className="muted" aria-live="polite">
          {data.total.toLocaleString("vi-VN")} thay đổi{query ? " khớp với bộ lọc" : ""}, mới nhất trước
        </p>
        <a href={`${exportPath}${query}`} className="button" download>
          Xuất Excel
        </a>
      </div>
      {data.rows.length === 0 ? (
        <p className="empty">
          {query ? "Không có thay đổi nào khớp với bộ lọc." : "Chưa có thay đổi nào được ghi nhận."}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table audit-table">
            <caption className="visually-hidden">Nhật ký thay đổi, trang {data.page}</caption>
            <thead>
              <tr>
                <th scope="col">Thời gian</th>
                <th scope="col">Người thực hiện</th>
                <th scope="col">Thao tác</th>
                <th scope="col">Bản ghi</th>
                <th scope="col">Thay đổi (trước → sau)</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <Row key={r.id} r={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.pages > 1 ? (
        <nav className="pager" aria-label="Phân trang">
          {data.page > 1 ? <Link to={filterQuery(f, data.page - 1) || "?"}>‹ Trang trước</Link> : <span />}
          <span>
            Trang {data.page}/{data.pages}
          </span>
          {data.page < data.pages ? <Link to={filterQuery(f, data.page + 1)}>Trang sau ›</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
