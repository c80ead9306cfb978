import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { buildDocument, documentJob } from "#app/attendance/document-jobs.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { readForm } from "#app/http/form-data.server.ts";

const noStore = { headers: { "Cache-Control": "private, no-store" } };

/** Progress of the attendance report being built (on whichever instance runs it), polled by the roll-call page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "attendance.report");
  return Response.json(await documentJob("report", conference.id), noStore);
}

/** intent=build: queues a build of the report as attendance is now (or returns the one in progress). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "attendance.report");
  if ((await readForm(request)).get("intent") === "build")
    return Response.json(await buildDocument("report", conference.id), noStore);
  return Response.json({ error: "Yêu cầu không hợp lệ." }, { status: 400 });
}
