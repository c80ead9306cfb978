import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams, useSubmit } from "@remix-run/react";
import { z } from "zod";
import { forbidden } from "#app/auth/guard.server.ts";
import { can } from "#app/auth/policy.ts";
import { requireUser } from "#app/auth/session.server.ts";
import { StatusBadge } from "#app/ui/status-badge.tsx";
import { numberLine } from "#app/plans/document.ts";
import { listConferences, PAGE_SIZE, selectableOrganizations } from "#app/plans/plans.server.ts";
import { scheduleSummary } from "#app/plans/schedule-summary.ts";
import { CONFERENCE_STATUSES, FORMAT_LABEL, PLAN_KIND_LABEL, STATUS_LABEL } from "#app/conferences/vocabulary.ts";

export const meta: MetaFunction = () => [{ title: "Hội nghị, kế hoạch · Hội nghị CCHC" }];

const filterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: z.enum(CONFERENCE_STATUSES).optional().catch(undefined),
  org: z.string().max(40).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.roles, "conference.view")) {
    // Bridge operators and IT support work from their bridge points, not from the plans.
    if (user.roles.includes("BRIDGE_OPERATOR") || user.roles.includes("IT_SUPPORT")) throw redirect("/bridges");
    forbidden();
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // Unknown or malformed filter values are ignored rather than failing the page.
  const f = filterSchema.parse({
    ...params,
    year: params.year || undefined,
    status: params.status || undefined,
    org: params.org || undefined,
    q: params.q || undefined,
  });
  const [{ total, rows, years }, organizations] = await Promise.all([
    listConferences(user, { year: f.year, status: f.status, organizationId: f.org, q: f.q }, f.page),
    selectableOrganizations(user),
  ]);
  return {
    total,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    years,
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    canCreate: can(user.roles, "conference.edit"),
    conferences: rows.map((c) => ({
      id: c.id,
      title: c.title,
      kind: PLAN_KIND_LABEL[c.kind],
      status: c.status,
      format: c.kind === "CONFERENCE" ? FORMAT_LABEL[c.format] : "",
      number: numberLine(c.documentNumber, c.documentSymbol),
      organization: c.organization.name,
      issueYear: c.issueYear,
      schedule: scheduleSummary(c),
    })),
  };
}

export default function ConferenceList() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>Hội nghị, kế hoạch</h1>
        {data.canCreate ? (
          <Link to="/conferences/new" className="button primary">
            + Lập kế hoạch mới
          </Link>
        ) : null}
      </div>
      <Form
        method="get"
        className="filters"
        role="search"
        aria-label="Lọc danh sách"
        onChange={(e) => submit(e.currentTarget, { replace: true })}
      >
        <div className="field">
          <label htmlFor="f-q">Tìm theo tên</label>
          <input
            id="f-q"
            name="q"
            type="search"
            defaultValue={params.get("q") ?? ""}
            placeholder="Ví dụ: công bố chỉ số"
          />
        </div>
        <div className="field">
          <label htmlFor="f-year">Năm</label>
          <select id="f-year" name="year" defaultValue={params.get("year") ?? ""}>
            <option value="">Tất cả</option>
            {data.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">Trạng thái</label>
          <select id="f-status" name="status" defaultValue={params.get("status") ?? ""}>
            <option value="">Tất cả</option>
            {CONFERENCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-org">Cơ quan ban hành</label>
          <select id="f-org" name="org" defaultValue={params.get("org") ?? ""}>
            <option value="">Tất cả</option>
            {data.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <noscript>
          <button type="submit">Lọc</button>
        </noscript>
      </Form>
      <p className="muted" aria-live="polite">
        {data.total.toLocaleString("vi-VN")} kế hoạch
      </p>
      {data.conferences.length === 0 ? (
        <p className="empty">Chưa có kế hoạch nào khớp với bộ lọc.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Kế hoạch</th>
              <th scope="col">Cơ quan ban hành</th>
              <th scope="col">Thời gian</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {data.conferences.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/conferences/${c.id}`} className="strong">
                    {c.title}
                  </Link>
                  <div className="muted small">
                    {c.number} · {c.kind}
                    {c.format ? ` · ${c.format}` : ""}
                  </div>
                </td>
                <td>{c.organization}</td>
                <td>{c.schedule}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.pages > 1 ? (
        <nav className="pager" aria-label="Phân trang">
          {data.page > 1 ? <Link to={pageLink(data.page - 1)}>‹ Trang trước</Link> : <span />}
          <span>
            Trang {data.page}/{data.pages}
          </span>
          {data.page < data.pages ? <Link to={pageLink(data.page + 1)}>Trang sau ›</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
