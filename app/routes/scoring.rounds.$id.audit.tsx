import type { LinksFunction, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { roundCrumbs } from "#app/components/scoring/crumbs.ts";
import { useLoaderData } from "@remix-run/react";
import auditCss from "#app/audit/audit.css?url";
import { AuditLog } from "#app/audit/audit-log.tsx";
import { parseAuditFilters } from "#app/audit/filters.ts";
import { auditPage } from "#app/audit/query.server.ts";
import { roundAuditScope } from "#app/audit/scopes.server.ts";
import { requireRound } from "#app/auth/guard.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: auditCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Nhật ký thay đổi · ${data?.round.title ?? "Đợt đánh giá"}` },
];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: (data) => [...roundCrumbs(data?.round), { label: "Nhật ký thay đổi" }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireRound(request, params.id, "audit.view");
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  return {
    round: { id: access.round.id, title: access.round.title },
    ownUnitOnly: access.asAssessedUnit,
    filters,
    ...(await auditPage(roundAuditScope(access), filters)),
  };
}

export default function RoundAuditPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Nhật ký thay đổi</h1>
      {data.ownUnitOnly ? <p className="hint">Chỉ hiện các thay đổi về điểm của đơn vị Đồng chí.</p> : null}
      <AuditLog data={data} exportPath={`/scoring/rounds/${data.round.id}/audit.xlsx`} />
    </div>
  );
}
