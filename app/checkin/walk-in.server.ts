// Walk-in registration (đăng ký tại chỗ): a guest without an invitation, created and checked in at once.

import { randomBytes, randomUUID } from "node:crypto";
import type { AuditActor } from "#app/database/audit.server.ts";
import { checkIn } from "#app/checkin/checkin.server.ts";
import type { CheckinResponse } from "#app/checkin/types.ts";
import type { WalkInValues } from "#app/checkin/scanner/walk-in-form.ts";
import { prisma } from "#app/database/db.server.ts";
import { newToken } from "#app/invitations/signing.server.ts";

/** A placeholder address for a walk-in without e-mail: unique per conference, never mailed (no outbox row). */
export function placeholderEmail(): string {
  return `walkin-${randomBytes(6).toString("hex")}@khach.local`;
}

export type WalkInOutcome =
  | { ok: true; attendeeId: string; response: CheckinResponse }
  | { ok: false; field: "email" | "groupId" | "form"; message: string };

/**
 * Creates the attendee (walkIn, fresh token, at the list's bridge point or the hall) and records them
 * present. Nothing stays half-saved: when the check-in does not accept, the new attendee is removed.
 */
export async function registerWalkIn(input: {
  conferenceId: string;
  list: { id: string; bridgePointId: string | null };
  values: WalkInValues;
  userId: string;
  /** The signed-in user (their scanner session's replay scope is not needed: the nonce is made here). */
  actor: AuditActor;
}): Promise<WalkInOutcome> {
  const { conferenceId, list, values } = input;
  if (values.groupId) {
    const group = await prisma.attendeeGroup.findFirst({
      where: { id: values.groupId, conferenceId },
      select: { id: true },
    });
    if (!group) return { ok: false, field: "groupId", message: "Nhóm đại biểu không thuộc hội nghị này" };
  }
  if (values.email) {
    const existing = await prisma.attendee.findFirst({
      where: { conferenceId, email: values.email },
      select: { name: true },
    });
    if (existing) {
      return {
        ok: false,
        field: "email",
        message: `Thư điện tử này đã có trong danh sách (${existing.name}): hãy tìm theo tên để điểm danh`,
      };
    }
  }
  const { token, invitationKey } = newToken(conferenceId);
  const email = values.email ?? placeholderEmail();
  let attendeeId: string;
  try {
    const created = await prisma.attendee.create({
      data: {
        conferenceId,
        name: values.name,
        position: values.position,
        organizationName: values.organizationName,
        groupId: values.groupId || null,
        email,
        bridgePointId: list.bridgePointId,
        token,
        invitationKey,
        rsvp: "ACCEPTED",
        respondedAt: new Date(),
        walkIn: true,
      },
      select: { id: true },
    });
    attendeeId = created.id;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      return {
        ok: false,
        field: "email",
        message: "Thư điện tử này đã có trong danh sách: hãy tìm theo tên để điểm danh",
      };
    }
    throw error;
  }
  let response: CheckinResponse;
  try {
    response = await checkIn({
      conferenceId,
      listId: list.id,
      attendeeId,
      deviceId: values.deviceId,
      nonce: randomUUID(),
      scannedAt: new Date(),
      method: "WALK_IN",
      userId: input.userId,
      credentialKey: "walk-in",
      // One audit row for the new attendee and their attendance, written with the attendance.
      audit: {
        actor: input.actor,
        action: "attendee.walk-in",
        createdAttendee: {
          name: values.name,
          position: values.position,
          organizationName: values.organizationName,
          email,
          groupId: values.groupId || null,
          walkIn: true,
        },
      },
    });
  } catch (error) {
    await prisma.attendee.delete({ where: { id: attendeeId } }).catch(() => undefined);
    throw error;
  }
  if (response.result !== "accepted") {
    await prisma.attendee.delete({ where: { id: attendeeId } }).catch(() => undefined);
    return { ok: false, field: "form", message: response.message };
  }
  return { ok: true, attendeeId, response };
}
