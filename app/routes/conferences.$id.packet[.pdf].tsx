import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { ensurePacket, packetInput, readPacketPdf } from "#app/documents/packet-jobs.server.ts";
import { getConference } from "#app/plans/plans.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const c = await getConference(conference.id);
  const input = await packetInput(c);
  if (!input) throw new Response("Hội nghị chưa chọn đợt đánh giá để lập bộ tài liệu.", { status: 409 });
  const job = await ensurePacket(c.id, input);
  // A download waits for a build in progress (on this instance or another) rather than failing.
  const pdf = await readPacketPdf(c.id, job.fingerprint, 120_000);
  if (!pdf) throw new Response("Không tạo được bộ tài liệu; vui lòng thử lại.", { status: 503 });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="bo-tai-lieu.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
