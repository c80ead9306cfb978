import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { AttendeesPageData } from "#app/invitations/attendee-actions.server.ts";

/**
 * The people of an organisation (their accounts in the app): the organiser picks an organisation of
 * their scope, sees its people (those already on the list marked), and adds the others in one go.
 */
export function MembersPicker({
  organizations,
  members,
  list,
  busy,
  lastResult,
}: {
  organizations: AttendeesPageData["organizations"];
  members: AttendeesPageData["members"];
  /** The attendee list's search and filters, kept while the organiser looks at an organisation. */
  list: AttendeesPageData["list"];
  busy: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm<{ organizationId: string }>({ id: "members", lastResult });
  const fresh = members?.people.filter((p) => !p.invited).length ?? 0;
  return (
    <section className="card">
      <h2>Mời người của một cơ quan</h2>
      <Form method="get" className="filters" preventScrollReset>
        <div className="field">
          <label htmlFor="members-org">Cơ quan, đơn vị</label>
          <select id="members-org" name="org" defaultValue={members?.id ?? ""} key={members?.id ?? ""}>
            <option value="">— Chọn cơ quan —</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        {list.q ? <input type="hidden" name="q" value={list.q} /> : null}
        {list.rsvp ? <input type="hidden" name="rsvp" value={list.rsvp} /> : null}
        {list.mail ? <input type="hidden" name="mail" value={list.mail} /> : null}
        <button type="submit">Xem danh sách người</button>
      </Form>
      {members ? (
        <>
          {members.people.length ? (
            <div className="table-scroll">
              <table className="table">
                <caption className="muted">
                  {members.name}: {members.people.length} người, {fresh} người chưa có trong danh sách đại biểu
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Họ và tên</th>
                    <th scope="col">Chức vụ</th>
                    <th scope="col">Thư điện tử</th>
                    <th scope="col">Trong danh sách</th>
                  </tr>
                </thead>
                <tbody>
                  {members.people.map((p) => (
                    <tr key={p.id}>
                      <td>{p.name}</td>
                      <td>{p.position ?? ""}</td>
                      <td>{p.email}</td>
                      <td>{p.invited ? <span className="badge">Đã có</span> : <span className="muted">Chưa</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{members.name} chưa có người dùng nào đang hoạt động.</p>
          )}
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="members" />
            <input type="hidden" name={fields.organizationId.name} value={members.id} />
            {fields.organizationId.errors ? (
              <div className="form-error" role="alert" id={fields.organizationId.errorId}>
                {fields.organizationId.errors.join(" ")}
              </div>
            ) : null}
            <button type="submit" className="primary" disabled={busy || !fresh}>
              Thêm {fresh} người vào danh sách đại biểu
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
