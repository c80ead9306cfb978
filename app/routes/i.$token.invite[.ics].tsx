import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendeeByToken, invitationLinks, invitationParts } from "~/invitations/context.server.ts";
import { buildInvitationIcs } from "~/invitations/ics.ts";
import { env } from "~/env.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const a = await attendeeByToken(params.token ?? "");
  if (!a) throw new Response("Không tìm thấy giấy mời.", { status: 404 });
  if (!a.conference.startsAt || !a.conference.endsAt) throw new Response("Hội nghị chưa có ngày giờ cụ thể nên chưa có lịch.", { status: 409 });
  const { conference, site, videoLink } = invitationParts(a);
  const links = invitationLinks(a.token);
  const from = env().MAIL_FROM.match(/<([^>]+)>/)?.[1] ?? env().MAIL_FROM;
  const ics = buildInvitationIcs({
    method: a.conference.status === "CANCELLED" ? "CANCEL" : "REQUEST",
    uid: `inv-${a.id}@hoinghi.local`,
    sequence: conference.sequence,
    organizer: { name: conference.organizerName, email: from },
    attendee: { name: a.name, email: a.email },
    summary: conference.title,
    description: `${conference.content}\n${links.rsvp}`,
    location: [site.name, site.address, videoLink].filter(Boolean).join(", "),
    url: links.rsvp,
    startsAt: conference.startsAt,
    endsAt: conference.endsAt,
    stamp: new Date(),
  });
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8; method=REQUEST", "Content-Disposition": 'attachment; filename="invite.ics"' } });
}
