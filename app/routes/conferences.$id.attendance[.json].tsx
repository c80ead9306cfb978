import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceConference, attendanceData } from "~/attendance/attendance.server.ts";
import type { LiveData } from "~/attendance/live.tsx";
import { requireUser } from "~/auth/session.server.ts";
import { formatDateTime } from "~/lib/vietnamese-date.ts";

/** Live attendance figures for the roll-call page (polled every few seconds). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const c = await attendanceConference(user, params.id ?? "");
  const { summary } = await attendanceData(c);
  const now = new Date();
  const body: LiveData = { summary, asOf: formatDateTime(now), at: now.getTime() };
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
