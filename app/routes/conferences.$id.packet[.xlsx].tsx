import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { packetInput, packetXlsx } from "#app/documents/packet-jobs.server.ts";
import { XLSX_TYPE } from "#app/lib/file-names.ts";
import { getConference } from "#app/plans/plans.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const c = await getConference(conference.id);
  const input = await packetInput(c);
  if (!input) throw new Response("Hội nghị chưa chọn đợt đánh giá để lập bộ tài liệu.", { status: 409 });
  return new Response(new Uint8Array(await packetXlsx(input)), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": 'attachment; filename="bo-tai-lieu.xlsx"',
      "Cache-Control": "private, no-store",
    },
  });
}
