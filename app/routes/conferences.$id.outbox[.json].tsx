import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConference } from "#app/auth/guard.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { invitationConference } from "#app/invitations/attendees.server.ts";
import { stuckWhere } from "#app/mailing/claims.server.ts";

/** Delivery progress of a conference's e-mails, polled by the invitation screen. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "invitations.manage");
  const c = await invitationConference(access.conference.id);
  const [rows, stuck] = await Promise.all([
    prisma.outboxMessage.groupBy({ by: ["status"], where: { conferenceId: c.id }, _count: { _all: true } }),
    // "Đang gửi" whose sender died: not in progress any more, waiting for recovery or "Gửi lại".
    prisma.outboxMessage.count({ where: { conferenceId: c.id, ...stuckWhere(new Date()) } }),
  ]);
  const count = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
  return Response.json(
    {
      queued: count("QUEUED"),
      sending: count("SENDING") - stuck,
      stuck,
      sent: count("SENT"),
      failed: count("FAILED"),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
