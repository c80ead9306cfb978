import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "#app/auth/guard.server.ts";
import { neverSpoke } from "#app/speeches/speeches.server.ts";

export const meta: MetaFunction = () => [{ title: "Đăng ký tham luận mà chưa trình bày · Hội nghị CCHC" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "conference.view");
  const rows = await neverSpoke(user);
  return {
    rows: rows.map((r) => ({
      speaker: r.speakerName,
      organization: r.organizationName,
      count: r.count,
      items: r.items.map((i) => ({
        title: i.title,
        conference: i.conference.title,
        conferenceId: i.conference.id,
        year: i.conference.issueYear,
      })),
    })),
  };
}

export default function NeverSpoke() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Đăng ký tham luận mà chưa trình bày</h1>
      <p className="muted">Các hội nghị đã tổ chức trong phạm vi của bạn, theo người đăng ký.</p>
      {rows.length === 0 ? (
        <p className="empty">Không có ai đăng ký mà chưa trình bày.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Người đăng ký</th>
              <th scope="col" className="num">
                Số lần
              </th>
              <th scope="col">Bài, hội nghị</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.speaker}|${r.organization}`}>
                <td>
                  <span className="strong">{r.speaker}</span>
                  <div className="muted small">{r.organization}</div>
                </td>
                <td className="num">{r.count}</td>
                <td>
                  <ul>
                    {r.items.map((i, k) => (
                      <li key={k}>
                        {i.title} — <Link to={`/conferences/${i.conferenceId}/speeches`}>{i.conference}</Link> ({i.year}
                        )
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
