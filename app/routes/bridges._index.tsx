import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server.ts";
import { ReadinessBadge } from "#app/components/bridges/test-history.tsx";
import bridgesCss from "#app/bridges/bridges.css?url";
import { myBridges } from "#app/bridges/my-bridges.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bridgesCss }];

export const meta: MetaFunction = () => [{ title: "Điểm cầu · Hội nghị CCHC" }];

/** "My bridge points": those hosted by an operator's organisation; boards IT support or organisers follow. */
export async function loader({ request }: LoaderFunctionArgs) {
  return myBridges(await requireUser(request));
}

export default function MyBridges() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Điểm cầu</h1>
      {data.operator ? (
        <section aria-labelledby="mine-head">
          <h2 id="mine-head">Điểm cầu đơn vị tôi phụ trách</h2>
          {data.bridges.length === 0 ? (
            <p className="empty">Đơn vị của bạn chưa được giao điểm cầu nào.</p>
          ) : (
            <ul className="task-list">
              {data.bridges.map((b) => (
                <li key={b.id}>
                  <span>
                    <Link to={b.path} className="strong">
                      {b.name}
                    </Link>{" "}
                    <ReadinessBadge readiness={b.readiness} />
                  </span>
                  <span>{b.conference}</span>
                  <span className="muted small">
                    {b.when}
                    {b.place ? ` · ${b.place}` : ""}
                    {b.testAt ? ` · kiểm tra kết nối: ${b.testAt}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {data.conferences.length ? (
        <section aria-labelledby="boards-head">
          <h2 id="boards-head">Theo dõi kết nối các hội nghị</h2>
          <ul className="task-list">
            {data.conferences.map((c) => (
              <li key={c.id}>
                <Link to={`/conferences/${c.id}/bridges/readiness`} className="strong">
                  {c.title}
                </Link>
                <span className="muted small">
                  {c.organizer}
                  {c.when ? ` · ${c.when}` : ""} · {c.total} điểm cầu: {c.passed} đạt, {c.failed} lỗi,{" "}
                  {c.total - c.passed - c.failed} chưa kiểm tra
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : !data.operator ? (
        <p className="empty">Không có hội nghị trực tuyến nào để theo dõi.</p>
      ) : null}
    </div>
  );
}
