import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import auditCss from "#app/audit/audit.css?url";
import { AuditLog } from "#app/audit/audit-log.tsx";
import { parseAuditFilters } from "#app/audit/filters.ts";
import { auditPage } from "#app/audit/query.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: auditCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Nhật ký thay đổi · ${data?.conference.title ?? "Hội nghị"}` },
];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => ({ label: "Nhật ký thay đổi" }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "audit.view");
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  return {
    conference: { id: conference.id, title: conference.title },
    filters,
    ...(await auditPage({ conferenceId: conference.id }, filters)),
  };
}

export default function ConferenceAuditPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Nhật ký thay đổi</h1>
      <AuditLog data={data} exportPath={`/conferences/${data.conference.id}/audit.xlsx`} />
    </div>
  );
}
