import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditExportResponse } from "#app/audit/export.server.ts";
import { parseAuditFilters } from "#app/audit/filters.ts";
import { requireConference } from "#app/auth/guard.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "audit.view");
  return auditExportResponse(
    { conferenceId: conference.id },
    parseAuditFilters(new URL(request.url).searchParams),
    conference.title,
  );
}
