import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireConference } from "#app/auth/guard.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import { documentViews } from "#app/meeting-documents/listing.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";

export const meta: MetaFunction = () => [{ title: "Ai đã xem tài liệu · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle = {
  breadcrumb: (_data, match) => [
    { label: "Tài liệu họp", to: `/conferences/${match.params.id}/documents` },
    { label: "Ai đã xem" },
  ],
};

// Who opened one meeting document and when (attendees and bridge points), newest first, 50 per page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.view");
  const page = Math.max(1, Math.min(100_000, Number(new URL(request.url).searchParams.get("page")) || 1));
  const views = await documentViews(access.conference.id, params.docId ?? "", page);
  if (!views) notFound("Không tìm thấy tài liệu này.");
  return {
    page,
    ...views,
    rows: views.rows.map((r) => ({ ...r, firstAt: formatDateTime(r.firstAt), lastAt: formatDateTime(r.lastAt) })),
  };
}

export default function DocumentViewsPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Ai đã xem: {data.doc.title}</h1>
      {data.doc.classified ? (
        <p className="muted">Tài liệu mật không gửi qua mạng nên không có lượt xem.</p>
      ) : data.total === 0 ? (
        <p className="empty">Chưa ai mở tài liệu này.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="muted">
              Số người, điểm cầu đã mở: {data.total} · trang {data.page}/{data.pages}
            </caption>
            <thead>
              <tr>
                <th scope="col">Người xem</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Mở lần đầu</th>
                <th scope="col">Mở gần nhất</th>
                <th scope="col">Số lần</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.who}</td>
                  <td>{r.unit}</td>
                  <td>{r.firstAt}</td>
                  <td>{r.lastAt}</td>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.pages > 1 ? (
        <nav aria-label="Trang" className="filters">
          {data.page > 1 ? <Link to={`?page=${data.page - 1}`}>← Trang trước</Link> : null}
          {data.page < data.pages ? <Link to={`?page=${data.page + 1}`}>Trang sau →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
