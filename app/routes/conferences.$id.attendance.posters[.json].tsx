import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ensurePosters, posterInput, postersJob } from "#app/attendance/poster-jobs.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { readForm } from "#app/http/form-data.server.ts";

const noStore = { headers: { "Cache-Control": "private, no-store" } };

/** Progress of the self check-in posters being built (on whichever instance runs it), polled by the roll-call page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "bridges.manage");
  return Response.json(await postersJob(conference.id), noStore);
}

/** intent=build: queues the build of the posters as they are now (or finds the one already built). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "bridges.manage");
  const form = await readForm(request);
  if (form.get("intent") === "build") {
    const input = await posterInput(conference.id);
    if (!input) return Response.json({ error: "Hội nghị chưa có điểm cầu." }, { status: 409 });
    return Response.json(await ensurePosters(conference.id, input), noStore);
  }
  return Response.json({ error: "Yêu cầu không hợp lệ." }, { status: 400 });
}
