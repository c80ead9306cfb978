import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { packetInput, packetXlsx } from "~/documents/packet-jobs.server.ts";
import { XLSX_TYPE } from "~/lib/file-names.ts";
import { getConference } from "~/plans/plans.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const c = await getConference(user, params.id ?? "");
  const input = await packetInput(user, c);
  if (!input) throw new Response("Hội nghị chưa chọn đợt đánh giá để lập bộ tài liệu.", { status: 409 });
  return new Response(new Uint8Array(await packetXlsx(input)), {
    headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": 'attachment; filename="bo-tai-lieu.xlsx"', "Cache-Control": "private, no-store" },
  });
}
