import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { invitationConference } from "#app/invitations/attendees.server.ts";

/** Delivery progress of a conference's e-mails, polled by the invitation screen. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "invitations.manage");
  const c = await invitationConference(access.conference.id);
  const rows = await prisma.outboxMessage.groupBy({
    by: ["status"],
    where: { conferenceId: c.id },
    _count: { _all: true },
  });
  const count = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
  return Response.json(
    { queued: count("QUEUED"), sending: count("SENDING"), sent: count("SENT"), failed: count("FAILED") },
    { headers: { "Cache-Control": "no-store" } },
  );
}
