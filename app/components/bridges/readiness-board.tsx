import { Form, Link } from "@remix-run/react";
import { ReadinessBadge } from "#app/components/bridges/test-history.tsx";
import { formatMbps, formatMs, formatPercent, type Readiness } from "#app/bridges/verdict.ts";
import { ColumnChart } from "#app/ui/charts.tsx";
import { DELIVERY_LABEL } from "#app/conferences/vocabulary.ts";

export interface BoardCounts {
  FAILED: number;
  UNTESTED: number;
  PASSED: number;
  requested: number;
  total: number;
}

export interface BoardRow {
  id: string;
  name: string;
  isMain: boolean;
  host: string;
  readiness: Readiness;
  contact: { name: string; phone: string; email: string };
  requestedAt: string | null;
  last: {
    when: string;
    latencyMs: number | null;
    jitterMs: number | null;
    lossPercent: number | null;
    downloadMbps: number | null;
    uploadMbps: number | null;
    notes: string;
    operatorName: string;
  } | null;
  gaps: string[];
  message: { status: keyof typeof DELIVERY_LABEL; error: string | null } | null;
}

function Kpi({ id, value, label, className = "" }: { id: string; value: number; label: string; className?: string }) {
  return (
    <div className={`kpi ${className}`.trim()} data-testid={id}>
      <div className="kpi-value">{value}</div>
      <div className="kpi-label">{label}</div>
    </div>
  );
}

/** The counts by readiness, and the same as a chart. */
export function BoardSummary({ c }: { c: BoardCounts }) {
  return (
    <div className="board-top">
      <div className="kpis" role="group" aria-label="Tổng hợp" aria-live="polite">
        <Kpi id="count-failed" value={c.FAILED} label="Lỗi" className="kpi-failed" />
        <Kpi id="count-untested" value={c.UNTESTED} label="Chưa kiểm tra" />
        <Kpi id="count-passed" value={c.PASSED} label="Đạt" className="kpi-passed" />
        <Kpi id="count-requested" value={c.requested} label="Đã yêu cầu kiểm tra" />
      </div>
      <ColumnChart
        title={`Trạng thái ${c.total} điểm cầu`}
        columns={[
          { label: "Lỗi", value: c.FAILED, className: "bar-failed" },
          { label: "Chưa kiểm tra", value: c.UNTESTED, className: "bar-untested" },
          { label: "Đạt", value: c.PASSED, className: "bar-passed" },
        ]}
      />
    </div>
  );
}

/** Search and status filter of a board with more than ten bridge points. */
export function BoardFilters({ filter }: { filter: { q: string; status: string } }) {
  return (
    <Form method="get" className="filters" role="search">
      <div className="field">
        <label htmlFor="board-q">Tìm điểm cầu</label>
        <input id="board-q" name="q" type="search" defaultValue={filter.q} />
      </div>
      <div className="field">
        <label htmlFor="board-status">Kết nối</label>
        <select id="board-status" name="status" defaultValue={filter.status}>
          <option value="">Tất cả</option>
          <option value="FAILED">Lỗi</option>
          <option value="UNTESTED">Chưa kiểm tra</option>
          <option value="PASSED">Đạt</option>
        </select>
      </div>
      <div className="field">
        <button type="submit">Lọc</button>
      </div>
    </Form>
  );
}

function Contact({ contact }: { contact: BoardRow["contact"] }) {
  return (
    <>
      {contact.name || <span className="muted">Chưa có người phụ trách</span>}
      {contact.phone ? (
        <div className="small">
          <a href={`tel:${contact.phone.replace(/[^0-9+]/g, "")}`}>{contact.phone}</a>
        </div>
      ) : null}
      {contact.email ? (
        <div className="small">
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </div>
      ) : (
        <div className="small down">Chưa có thư điện tử</div>
      )}
    </>
  );
}

function BoardTableRow({ b, conferenceId }: { b: BoardRow; conferenceId: string }) {
  return (
    <tr className={`board-row-${b.readiness.toLowerCase()}`} data-bridge={b.name}>
      <td data-label="Điểm cầu" className="bridge-cell">
        <span className="strong">{b.name}</span>{" "}
        {b.isMain ? <span className="badge status-issued">Điểm cầu chính</span> : null}
        {b.host ? <div className="muted small">{b.host}</div> : null}
        <div className="small">
          <Link to={`/conferences/${conferenceId}/bridges/${b.id}`}>Lịch sử kiểm tra</Link>
        </div>
      </td>
      <td data-label="Kết nối">
        <ReadinessBadge readiness={b.readiness} />
        {b.requestedAt ? <div className="muted small">Đã đề nghị: {b.requestedAt}</div> : null}
        {b.message ? (
          <div className="small">
            Thư đề nghị:{" "}
            <span className={`badge delivery-${b.message.status.toLowerCase()}`}>
              {DELIVERY_LABEL[b.message.status]}
            </span>
            {b.message.status === "FAILED" && b.message.error ? (
              <div className="down small">{b.message.error}</div>
            ) : null}
          </div>
        ) : null}
      </td>
      <td data-label="Độ trễ / dao động" className="num">
        {b.last ? (
          <>
            {formatMs(b.last.latencyMs)} / {formatMs(b.last.jitterMs)}
            <div className="muted small">mất gói {formatPercent(b.last.lossPercent)}</div>
          </>
        ) : (
          "—"
        )}
      </td>
      <td data-label="Tải xuống / lên" className="num">
        {b.last ? `${formatMbps(b.last.downloadMbps)} / ${formatMbps(b.last.uploadMbps)}` : "—"}
      </td>
      <td data-label="Thiết bị chưa đạt">
        {b.last ? b.gaps.length ? <span className="down">{b.gaps.join(", ")}</span> : "Không" : "—"}
        {b.last?.notes ? <div className="muted small">{b.last.notes}</div> : null}
      </td>
      <td data-label="Kiểm tra gần nhất">
        {b.last ? (
          <>
            {b.last.when}
            {b.last.operatorName ? <div className="muted small">{b.last.operatorName}</div> : null}
          </>
        ) : (
          "Chưa kiểm tra"
        )}
      </td>
      <td data-label="Liên hệ">
        <Contact contact={b.contact} />
      </td>
    </tr>
  );
}

/** Every bridge point's readiness, last test and contact: failed first, then untested, then passed. */
export function BoardTable({ bridges, conferenceId }: { bridges: BoardRow[]; conferenceId: string }) {
  return (
    <div className="table-scroll">
      <table className="table board">
        <caption className="visually-hidden">Điểm cầu, lỗi trước, rồi chưa kiểm tra, rồi đạt</caption>
        <thead>
          <tr>
            <th scope="col">Điểm cầu</th>
            <th scope="col">Kết nối</th>
            <th scope="col" className="num">
              Độ trễ / dao động
            </th>
            <th scope="col" className="num">
              Tải xuống / lên
            </th>
            <th scope="col">Thiết bị chưa đạt</th>
            <th scope="col">Kiểm tra gần nhất</th>
            <th scope="col">Liên hệ</th>
          </tr>
        </thead>
        <tbody>
          {bridges.map((b) => (
            <BoardTableRow key={b.id} b={b} conferenceId={conferenceId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
