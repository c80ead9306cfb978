import type { ConferenceStatus } from "#app/conferences/vocabulary.ts";

// draft → issued → invitations sent → held → closed; any open state may be cancelled.
const NEXT: Record<ConferenceStatus, readonly ConferenceStatus[]> = {
  DRAFT: ["ISSUED", "CANCELLED"],
  ISSUED: ["INVITATIONS_SENT", "HELD", "CANCELLED"],
  INVITATIONS_SENT: ["HELD", "CANCELLED"],
  HELD: ["CLOSED"],
  CLOSED: [],
  CANCELLED: [],
};

export function allowedTransitions(from: ConferenceStatus): readonly ConferenceStatus[] {
  return NEXT[from];
}

export function canTransition(from: ConferenceStatus, to: ConferenceStatus): boolean {
  return NEXT[from].includes(to);
}

/** Issued plans keep their wording; only drafts are edited freely. */
export function isEditable(status: ConferenceStatus): boolean {
  return status === "DRAFT" || status === "ISSUED" || status === "INVITATIONS_SENT";
}
