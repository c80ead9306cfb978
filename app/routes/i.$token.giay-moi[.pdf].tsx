import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendeeByToken, invitationLinkNotFound } from "#app/invitations/invitation-record.server.ts";
import { letterPdf } from "#app/invitations/invitation-message.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const a = await attendeeByToken(params.token ?? "");
  if (!a) invitationLinkNotFound();
  if (!a.conference.startsAt || !a.conference.endsAt)
    throw new Response("Hội nghị chưa có ngày giờ cụ thể nên chưa có giấy mời.", { status: 409 });
  return new Response(new Uint8Array(await letterPdf(a)), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": 'inline; filename="giay-moi.pdf"' },
  });
}
