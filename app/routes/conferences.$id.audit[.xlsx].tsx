import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditExportResponse } from "~/audit/export.server.ts";
import { parseAuditFilters } from "~/audit/filters.ts";
import { requireConference } from "~/auth/guard.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "audit.view");
  return auditExportResponse({ conferenceId: conference.id }, parseAuditFilters(new URL(request.url).searchParams), conference.title);
}
