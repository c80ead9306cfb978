import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditExportResponse } from "~/audit/export.server.ts";
import { parseAuditFilters } from "~/audit/filters.ts";
import { roundAuditScope } from "~/audit/scopes.server.ts";
import { requireRound } from "~/auth/guard.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireRound(request, params.id, "audit.view");
  return auditExportResponse(roundAuditScope(access), parseAuditFilters(new URL(request.url).searchParams), access.round.title);
}
