import { Form, Link } from "@remix-run/react";
import { CopyButton, ReadinessBadge } from "#app/components/bridges/test-history.tsx";
import type { Readiness } from "#app/bridges/verdict.ts";

export interface BridgeListRow {
  id: string;
  name: string;
  isMain: boolean;
  hostOrganization: { name: string } | null;
  room: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  videoLink: string;
  videoPasscode: string;
  operatorLink: string;
  attendees: number;
  readiness: Readiness;
  readinessAt: string | null;
}

export interface Paging {
  q: string;
  page: number;
  pages: number;
  matching: number;
  from: number;
  aq: string;
  /** The search narrowing the assignment form's bridge points (nation-wide conferences). */
  bq: string;
  /** The attendee search `aq` was long enough to run. */
  attendeesSearched: boolean;
  /** More attendees than the list shows (match the search, or at all without one). */
  attendeesMore: boolean;
}

/** The search over bridge points (shown from ten of them); keeps the attendee search. */
export function BridgeSearch({ paging }: { paging: Paging }) {
  return (
    <Form method="get" className="filters" role="search">
      <div className="field">
        <label htmlFor="bridge-q">Tìm điểm cầu</label>
        <input
          id="bridge-q"
          name="q"
          type="search"
          defaultValue={paging.q}
          placeholder="Tên điểm cầu, đơn vị, người phụ trách"
        />
      </div>
      {paging.aq ? <input type="hidden" name="aq" value={paging.aq} /> : null}
      {paging.bq ? <input type="hidden" name="bq" value={paging.bq} /> : null}
      <div className="field">
        <button type="submit">Tìm</button>
      </div>
    </Form>
  );
}

export function Pager({ paging }: { paging: Paging }) {
  const href = (page: number) => {
    const p = new URLSearchParams();
    if (paging.q) p.set("q", paging.q);
    if (paging.aq) p.set("aq", paging.aq);
    if (paging.bq) p.set("bq", paging.bq);
    if (page > 1) p.set("page", String(page));
    const text = p.toString();
    return text ? `?${text}` : ".";
  };
  return (
    <nav className="pager" aria-label="Trang danh sách điểm cầu">
      {paging.page > 1 ? <Link to={href(paging.page - 1)}>‹ Trang trước</Link> : <span />}
      <span className="muted">{`Trang ${paging.page}/${paging.pages}`}</span>
      {paging.page < paging.pages ? <Link to={href(paging.page + 1)}>Trang sau ›</Link> : <span />}
    </nav>
  );
}

function BridgeRow({ b, conferenceId }: { b: BridgeListRow; conferenceId: string }) {
  return (
    <tr>
      <td className="bridge-cell" data-label="Điểm cầu">
        <Link to={`/conferences/${conferenceId}/bridges/${b.id}`} className="strong">
          {b.name}
        </Link>{" "}
        {b.isMain ? <span className="badge status-issued">Điểm cầu chính</span> : null}
        {b.hostOrganization ? <div className="muted small">{b.hostOrganization.name}</div> : null}
      </td>
      <td data-label="Phòng họp, địa chỉ">
        {b.room ? <div>{b.room}</div> : null}
        <div className="muted small">{b.address}</div>
      </td>
      <td data-label="Phụ trách kỹ thuật">
        {b.contactName || <span className="muted">Chưa có</span>}
        {b.contactPhone ? <div className="small">{b.contactPhone}</div> : null}
        {b.contactEmail ? <div className="small">{b.contactEmail}</div> : null}
      </td>
      <td className="bridge-cell" data-label="Họp trực tuyến">
        {b.videoLink ? (
          <a href={b.videoLink} target="_blank" rel="noreferrer noopener" className="small">
            {b.videoLink}
          </a>
        ) : (
          <span className="muted">Chưa có đường dẫn</span>
        )}
        {b.videoPasscode ? (
          <div className="small">
            Mật khẩu: <span className="passcode">{b.videoPasscode}</span>
          </div>
        ) : null}
        {b.operatorLink ? (
          <div className="operator-link small">
            <span>Trang điểm cầu:</span> <code>{b.operatorLink}</code>{" "}
            <CopyButton text={b.operatorLink} label={`Sao chép đường dẫn trang ${b.name}`} />
          </div>
        ) : null}
      </td>
      <td className="num" data-label="Đại biểu">
        {b.attendees}
      </td>
      <td data-label="Kết nối">
        <ReadinessBadge readiness={b.readiness} />
        {b.readinessAt ? <div className="muted small">{b.readinessAt}</div> : null}
      </td>
    </tr>
  );
}

/** The bridge points of one page of the list, as a table that becomes cards on a phone. */
export function BridgeTable({ bridges, conferenceId }: { bridges: BridgeListRow[]; conferenceId: string }) {
  return (
    <div className="table-scroll">
      <table className="table bridge-list">
        <thead>
          <tr>
            <th scope="col">Điểm cầu</th>
            <th scope="col">Phòng họp, địa chỉ</th>
            <th scope="col">Phụ trách kỹ thuật</th>
            <th scope="col">Họp trực tuyến</th>
            <th scope="col" className="num">
              Đại biểu
            </th>
            <th scope="col">Kết nối</th>
          </tr>
        </thead>
        <tbody>
          {bridges.map((b) => (
            <BridgeRow key={b.id} b={b} conferenceId={conferenceId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
