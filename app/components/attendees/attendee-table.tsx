import { Form } from "@remix-run/react";
import {
  ATTENDEE_LIST_ID,
  AttendeePager,
  AttendeeSearch,
  ListSummary,
} from "#app/components/attendees/attendee-list-controls.tsx";
import type { AttendeesPageData } from "#app/invitations/attendee-actions.server.ts";

type Attendee = AttendeesPageData["attendees"][number];

/** The last message sent to an attendee, with its error and, for the organiser, its resend. */
function Delivery({ a, canEdit }: { a: Attendee; canEdit: boolean }) {
  if (!a.delivery) return <span className="muted">Chưa gửi</span>;
  return (
    <>
      <span className={`badge delivery-${a.delivery.status.toLowerCase()}`}>{a.delivery.label}</span>
      {a.delivery.error ? <div className="muted small">{a.delivery.error}</div> : null}
      {canEdit && a.delivery.resendable ? (
        <Form method="post">
          <input type="hidden" name="intent" value="resend" />
          <input type="hidden" name="messageId" value={a.delivery.id} />
          <button type="submit" className="link-button small" aria-label={`Gửi lại thư cho ${a.name}`}>
            Gửi lại
          </button>
        </Form>
      ) : null}
    </>
  );
}

/**
 * One page of the attendees matching the search and filters, with their group, place, answer, last
 * message (and its resend) and personal link.
 */
export function AttendeeTable({
  attendees,
  list,
  canEdit,
}: {
  attendees: AttendeesPageData["attendees"];
  list: AttendeesPageData["list"];
  canEdit: boolean;
}) {
  return (
    <section id={ATTENDEE_LIST_ID}>
      <h2>Danh sách đại biểu</h2>
      <AttendeeSearch list={list} />
      <ListSummary list={list} shown={attendees.length} />
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Đại biểu</th>
              <th scope="col">Nhóm</th>
              <th scope="col">Nơi dự</th>
              <th scope="col">Trả lời</th>
              <th scope="col">Gửi thư</th>
              <th scope="col">Đường dẫn cá nhân</th>
            </tr>
          </thead>
          <tbody>
            {attendees.map((a) => (
              <tr key={a.id} className={a.revoked ? "dissolved" : ""}>
                <td>
                  <span className="strong">{a.name}</span>
                  <div className="muted small">
                    {[a.position, a.organization].filter(Boolean).join(", ")} · {a.email}
                    {a.substituteFor ? ` · thay ${a.substituteFor}` : ""}
                  </div>
                </td>
                <td>{a.group}</td>
                <td>{a.site}</td>
                <td>
                  <span className={`badge rsvp-${a.rsvp.toLowerCase()}`}>{a.rsvpLabel}</span>
                  {a.declineReason ? <div className="muted small">{a.declineReason}</div> : null}
                </td>
                <td>
                  <Delivery a={a} canEdit={canEdit} />
                </td>
                <td>
                  {a.revoked ? <span className="muted">Đã thu hồi</span> : <a href={a.link}>{a.link.slice(0, 14)}…</a>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AttendeePager list={list} />
    </section>
  );
}
