import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditExportResponse } from "#app/audit/export.server.ts";
import { parseAuditFilters } from "#app/audit/filters.ts";
import { roundAuditScope } from "#app/audit/scopes.server.ts";
import { requireRound } from "#app/auth/guard.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireRound(request, params.id, "audit.view");
  return auditExportResponse(
    roundAuditScope(access),
    parseAuditFilters(new URL(request.url).searchParams),
    access.round.title,
  );
}
