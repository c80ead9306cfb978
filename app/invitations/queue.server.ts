import { meetingName } from "#app/conferences/naming.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { queueMessagesIn } from "#app/mailing/queue.server.ts";
import { readInChunks } from "#app/invitations/chunks.ts";
import type { InvitationKind } from "#app/invitations/types.ts";

// Invitation messages into the outbox: one per attendee still invited (not revoked), addressed to the
// attendee's e-mail. The e-mail itself is composed at send time (invitation-message.server.ts).

/** Subjects as listed in the outbox. */
export const MESSAGE_SUBJECT: Record<InvitationKind, (title: string) => string> = {
  INVITATION: (t) => `Giấy mời: ${meetingName(t)}`,
  UPDATE: (t) => `[Thay đổi] Giấy mời: ${meetingName(t)}`,
  CANCELLATION: (t) => `[Hủy] ${meetingName(t)}`,
  REMINDER: (t) => `[Cần phản hồi] Giấy mời: ${meetingName(t)}`,
};

export interface InvitationQueueRequest {
  conferenceId: string;
  kind: InvitationKind;
  version: number;
  attendeeIds: string[];
  attachPdf?: boolean;
  changeNote?: string;
  subject: string;
}

/**
 * Adds one message per attendee for this kind and version, inside the caller's transaction. Messages
 * that already exist (same attendee, kind and version) are left alone, so pressing "send" twice never
 * sends twice. Returns how many were added.
 */
export async function queueInvitationsIn(tx: Prisma.TransactionClient, req: InvitationQueueRequest): Promise<number> {
  const { attendeeIds, ...message } = req;
  // A chunk at a time: the lookups bind one parameter per attendee.
  const added = await readInChunks(attendeeIds, async (ids) => {
    const attendees = await tx.attendee.findMany({
      where: { id: { in: ids }, conferenceId: req.conferenceId, revokedAt: null },
      select: { id: true, email: true },
    });
    return queueMessagesIn(tx, {
      ...message,
      recipients: attendees.map((a) => ({ attendeeId: a.id, toAddress: a.email })),
    });
  });
  return added.length;
}

/** `queueInvitationsIn` in a transaction of its own. */
export async function queueInvitations(req: InvitationQueueRequest): Promise<number> {
  return prisma.$transaction((tx) => queueInvitationsIn(tx, req));
}
