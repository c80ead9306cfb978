import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { ensurePacket, packetInput, readPacketPdf } from "#app/documents/packet-jobs.server.ts";
import { getConference } from "#app/plans/plans.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference } = await requireConference(request, params.id, "conference.view");
  const c = await getConference(conference.id);
  const input = await packetInput(c);
  if (!input) throw new Response("Hội nghị chưa chọn đợt đánh giá để lập bộ tài liệu.", { status: 409 });
  let job = await ensurePacket(c.id, input);
  // A download waits for a build in progress rather than failing.
  for (let waited = 0; job.status === "building" && waited < 120_000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    job = await ensurePacket(c.id, input);
  }
  if (job.status !== "ready") throw new Response("Không tạo được bộ tài liệu; vui lòng thử lại.", { status: 503 });
  return new Response(new Uint8Array(await readPacketPdf(job.fingerprint)), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="bo-tai-lieu.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
