import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendeeByToken, invitationLinkNotFound } from "#app/invitations/invitation-record.server.ts";
import { attendeeIcs } from "#app/invitations/invitation-message.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const a = await attendeeByToken(params.token ?? "");
  if (!a) invitationLinkNotFound();
  if (!a.conference.startsAt || !a.conference.endsAt)
    throw new Response("Hội nghị chưa có ngày giờ cụ thể nên chưa có lịch.", { status: 409 });
  const method = a.conference.status === "CANCELLED" ? "CANCEL" : "REQUEST";
  return new Response(attendeeIcs(a), {
    headers: {
      "Content-Type": `text/calendar; charset=utf-8; method=${method}`,
      "Content-Disposition": 'attachment; filename="invite.ics"',
    },
  });
}
