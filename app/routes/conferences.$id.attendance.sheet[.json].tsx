import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { buildDocument, documentJob } from "#app/attendance/document-jobs.server.ts";
import { attendanceConference } from "#app/attendance/attendance.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { readForm } from "#app/http/form-data.server.ts";

const noStore = { headers: { "Cache-Control": "private, no-store" } };

/** Progress of the roll-call sheet being built (on whichever instance runs it), polled by the roll-call page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const c = await attendanceConference(await requireConference(request, params.id, "attendance.take"));
  return Response.json(await documentJob("sheet", c.id), noStore);
}

/** intent=build: queues a build of the sheet as the list is now (or returns the one in progress). */
export async function action({ request, params }: ActionFunctionArgs) {
  const c = await attendanceConference(await requireConference(request, params.id, "attendance.take"));
  if ((await readForm(request)).get("intent") === "build")
    return Response.json(await buildDocument("sheet", c.id), noStore);
  return Response.json({ error: "Yêu cầu không hợp lệ." }, { status: 400 });
}
