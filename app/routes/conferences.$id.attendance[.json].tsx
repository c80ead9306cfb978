import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceConference } from "#app/attendance/attendance.server.ts";
import { attendanceSummary } from "#app/attendance/figures.server.ts";
import { liveData, type LiveData } from "#app/attendance/summary.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

/** Live attendance figures for the roll-call page (polled every few seconds), counted in SQL. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const c = await attendanceConference(await requireConference(request, params.id, "attendance.take"));
  const summary = await attendanceSummary(c);
  const now = new Date();
  const body: LiveData = liveData(summary, formatDateTime(now), now.getTime());
  // A resource route polled by fetch: a plain JSON Response (Remix 2 would serialize data()'s wrapper here).
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
