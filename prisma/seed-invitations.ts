import type { Prisma } from "#app/generated/prisma/client.ts";
import { newToken } from "#app/invitations/signing.server.ts";
import { MESSAGE_SUBJECT } from "#app/invitations/queue.server.ts";
import { MAX_ATTEMPTS, messageIdFor } from "#app/mailing/backoff.ts";
import { invitations } from "#prisma/seed-data/invitations.ts";

/** Bridge points and attendees for the demo conferences; queued invitations are sent by the server's worker. */
export async function seedInvitations(
  tx: Prisma.TransactionClient,
  conferenceIdByPlanKey: Map<string, string>,
  orgId: (key: string) => string,
) {
  let attendees = 0;
  for (const seed of invitations) {
    const conferenceId = conferenceIdByPlanKey.get(seed.planKey);
    if (!conferenceId) throw new Error(`Seed: unknown plan ${seed.planKey}`);
    const conference = await tx.conference.findUniqueOrThrow({
      where: { id: conferenceId },
      select: {
        title: true,
        calendarSequence: true,
        attendeeGroups: { orderBy: { position: "asc" }, select: { id: true } },
      },
    });
    const bridgeIds: string[] = [];
    for (const [position, b] of seed.bridgePoints.entries()) {
      const row = await tx.bridgePoint.create({
        data: {
          conferenceId,
          position,
          name: b.name,
          hostOrganizationId: b.hostOrganizationKey ? orgId(b.hostOrganizationKey) : null,
          address: b.address,
          isMain: b.isMain ?? false,
          videoLink: b.videoLink,
          videoPasscode: b.videoPasscode,
        },
        select: { id: true },
      });
      bridgeIds.push(row.id);
    }
    for (const a of seed.attendees) {
      const { token, invitationKey } = newToken(conferenceId);
      const row = await tx.attendee.create({
        data: {
          conferenceId,
          name: a.name,
          position: a.position,
          organizationName: a.organizationName,
          groupId: conference.attendeeGroups[a.group]?.id ?? null,
          email: a.email,
          phone: a.phone ?? "",
          bridgePointId: a.bridge === undefined ? null : bridgeIds[a.bridge]!,
          token,
          invitationKey,
          rsvp: a.rsvp ?? "NO_ANSWER",
          declineReason: a.declineReason ?? "",
          respondedAt: a.rsvp ? new Date("2024-01-10T09:00:00+07:00") : null,
        },
        select: { id: true },
      });
      attendees++;
      if (seed.sendInvitations) {
        await tx.outboxMessage.create({
          data: {
            conferenceId,
            attendeeId: row.id,
            kind: "INVITATION",
            version: conference.calendarSequence,
            messageId: messageIdFor("INVITATION", conference.calendarSequence, row.id),
            toAddress: a.email,
            subject: MESSAGE_SUBJECT.INVITATION(conference.title),
            ...(a.invitationRefused
              ? { status: "FAILED", attempts: MAX_ATTEMPTS, lastError: a.invitationRefused }
              : {}),
          },
        });
      }
    }
  }
  return attendees;
}
