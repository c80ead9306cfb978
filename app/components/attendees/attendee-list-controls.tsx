import { Form, Link } from "@remix-run/react";
import { RSVP_LABEL } from "#app/conferences/vocabulary.ts";
import type { AttendeesPageData } from "#app/invitations/attendee-actions.server.ts";
import { DELIVERY_FILTERS, listSearch } from "#app/invitations/attendee-list-query.ts";

type List = AttendeesPageData["list"];

/** The list's section, where the pager's links take the reader back to. */
export const ATTENDEE_LIST_ID = "danh-sach-dai-bieu";

const filtered = (list: List) => !!(list.q || list.rsvp || list.mail);

/** Search by name, e-mail, organisation or position (with or without diacritics), by answer and by delivery. */
export function AttendeeSearch({ list }: { list: List }) {
  return (
    <Form method="get" className="filters" role="search" preventScrollReset>
      <div className="field">
        <label htmlFor="attendee-q">Tìm đại biểu</label>
        <input
          id="attendee-q"
          name="q"
          type="search"
          defaultValue={list.q}
          key={list.q}
          size={34}
          placeholder="Họ tên, thư điện tử, cơ quan, chức vụ"
        />
      </div>
      <div className="field">
        <label htmlFor="attendee-rsvp">Trả lời</label>
        <select id="attendee-rsvp" name="rsvp" defaultValue={list.rsvp ?? ""} key={list.rsvp ?? ""}>
          <option value="">Tất cả</option>
          {Object.entries(RSVP_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="attendee-mail">Gửi thư</label>
        <select id="attendee-mail" name="mail" defaultValue={list.mail ?? ""} key={list.mail ?? ""}>
          <option value="">Tất cả</option>
          {Object.entries(DELIVERY_FILTERS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {list.org ? <input type="hidden" name="org" value={list.org} /> : null}
      <div className="field">
        <button type="submit">Lọc danh sách</button>
      </div>
      {filtered(list) ? (
        <div className="field">
          <Link to={listSearch({ q: "", rsvp: null, mail: null, org: list.org })}>Bỏ lọc</Link>
        </div>
      ) : null}
    </Form>
  );
}

/** Which rows of how many the table shows. */
export function ListSummary({ list, shown }: { list: List; shown: number }) {
  if (list.matching === 0)
    return <p className="muted">{filtered(list) ? "Không có đại biểu nào khớp." : "Chưa có đại biểu."}</p>;
  return (
    <p className="muted small">
      {`Đại biểu ${list.from}–${list.from + shown - 1} trong ${list.matching}${filtered(list) ? " khớp" : ""}.`}
    </p>
  );
}

/** Previous and next pages of the list, keeping the search and filters. */
export function AttendeePager({ list }: { list: List }) {
  if (list.pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Trang danh sách đại biểu">
      {list.page > 1 ? (
        <Link to={`${listSearch(list, list.page - 1)}#${ATTENDEE_LIST_ID}`}>‹ Trang trước</Link>
      ) : (
        <span />
      )}
      <span className="muted">{`Trang ${list.page}/${list.pages}`}</span>
      {list.page < list.pages ? (
        <Link to={`${listSearch(list, list.page + 1)}#${ATTENDEE_LIST_ID}`}>Trang sau ›</Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
