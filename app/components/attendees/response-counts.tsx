import type { AttendeesPageData } from "#app/invitations/attendee-actions.server.ts";

/** Invited, accepted, declined and unanswered, per group of attendees. */
export function ResponseCounts({ counts }: { counts: AttendeesPageData["counts"] }) {
  return (
    <section className="card">
      <h2>Trả lời theo nhóm</h2>
      {counts.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Nhóm</th>
              <th scope="col" className="num">
                Mời
              </th>
              <th scope="col" className="num">
                Tham dự
              </th>
              <th scope="col" className="num">
                Vắng
              </th>
              <th scope="col" className="num">
                Chưa trả lời
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map((g) => (
              <tr key={g.label}>
                <td>{g.label}</td>
                <td className="num">{g.total}</td>
                <td className="num up">{g.accepted}</td>
                <td className="num">{g.declined}</td>
                <td className="num">{g.noAnswer}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Chưa có đại biểu.</p>
      )}
    </section>
  );
}
