import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import auditCss from "#app/audit/audit.css?url";
import { AuditLog } from "#app/audit/audit-log.tsx";
import { parseAuditFilters } from "#app/audit/filters.ts";
import { auditPage } from "#app/audit/query.server.ts";
import { requireCapability } from "#app/auth/guard.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: auditCss }];

export const meta: MetaFunction = () => [{ title: "Nhật ký thay đổi · Hội nghị CCHC" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "admin");
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  return {
    organizationName: user.organizationName,
    filters,
    ...(await auditPage({ organizationIds: user.visibleOrganizationIds }, filters)),
  };
}

export default function AdminAuditPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Nhật ký thay đổi</h1>
      <p className="hint">
        Mọi thay đổi của {data.organizationName} và các cơ quan, đơn vị trực thuộc: người dùng, cơ quan, kế hoạch, hội
        nghị, đợt đánh giá.
      </p>
      <AuditLog data={data} exportPath="/admin/audit.xlsx" />
    </div>
  );
}
