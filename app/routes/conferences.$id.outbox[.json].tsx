import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { prisma } from "~/db.server.ts";
import { invitationConference } from "~/invitations/attendees.server.ts";

/** Delivery progress of a conference's e-mails, polled by the invitation screen. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const c = await invitationConference(user, params.id ?? "");
  const rows = await prisma.outboxMessage.groupBy({ by: ["status"], where: { conferenceId: c.id }, _count: { _all: true } });
  const count = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
  return Response.json(
    { queued: count("QUEUED"), sending: count("SENDING"), sent: count("SENT"), failed: count("FAILED") },
    { headers: { "Cache-Control": "no-store" } },
  );
}
