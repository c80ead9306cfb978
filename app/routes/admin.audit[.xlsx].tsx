import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditExportResponse } from "#app/audit/export.server.ts";
import { parseAuditFilters } from "#app/audit/filters.ts";
import { requireCapability } from "#app/auth/guard.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "admin");
  return auditExportResponse(
    { organizationIds: user.visibleOrganizationIds },
    parseAuditFilters(new URL(request.url).searchParams),
    user.organizationName,
  );
}
