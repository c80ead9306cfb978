import { Form } from "@remix-run/react";
import type { RemindersPageData } from "#app/invitations/scheduled-reminders.server.ts";

/** The conference's reminders in send order: time, rule, audience, status and how many it went to. */
export function ReminderList({ reminders, busy }: { reminders: RemindersPageData["reminders"]; busy: boolean }) {
  return (
    <section className="card">
      <h2>Thư nhắc đã hẹn giờ</h2>
      {reminders.length === 0 ? (
        <p className="muted">Chưa có thư nhắc nào.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Gửi lúc</th>
                <th scope="col">Thư nhắc</th>
                <th scope="col">Người nhận</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {reminders.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.when}
                    <div className="muted small">{r.rule}</div>
                  </td>
                  <td>
                    <strong>{r.subject}</strong>
                    <div className="muted small reminder-body">{r.body}</div>
                  </td>
                  <td>{r.audienceLabel}</td>
                  <td>
                    <span className={`badge reminder-${r.status.toLowerCase()}`}>{r.statusLabel}</span>
                    {r.status === "QUEUED" ? (
                      <div className="small">
                        Đã gửi tới {r.queuedCount} người{r.queuedAt ? ` lúc ${r.queuedAt}` : ""}
                      </div>
                    ) : null}
                    {r.statusNote ? <div className="muted small">{r.statusNote}</div> : null}
                  </td>
                  <td>
                    {r.status === "SCHEDULED" ? (
                      <Form method="post" className="inline-actions">
                        <input type="hidden" name="reminderId" value={r.id} />
                        <button type="submit" name="intent" value="cancel" disabled={busy}>
                          Hủy<span className="visually-hidden"> thư nhắc “{r.subject}”</span>
                        </button>{" "}
                        <button type="submit" name="intent" value="delete" className="danger" disabled={busy}>
                          Xóa<span className="visually-hidden"> thư nhắc “{r.subject}”</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
