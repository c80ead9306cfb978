// Who may see a meeting document: the one rule behind the invitation page (/i/:token), the bridge
// operator's page (/b/:key), their download routes and the publication e-mail. Plain TypeScript.
import type { DocumentAudience } from "#app/conferences/vocabulary.ts";

export interface DocumentAccess {
  audience: DocumentAudience;
  classified: boolean;
  published: boolean;
  /** The chosen groups, bridge points or attendees (whichever the audience names). */
  groupIds: readonly string[];
  bridgePointIds: readonly string[];
  attendeeIds: readonly string[];
}

export type DocumentViewer =
  | { kind: "organiser" }
  /** An invited attendee whose link is not revoked. */
  | { kind: "attendee"; attendeeId: string; groupId: string | null; bridgePointId: string | null }
  /** A bridge point's operator (no account; the bridge's key). */
  | { kind: "bridge"; bridgePointId: string };

// The publication e-mail asks canSee once per attendee of the conference: a document naming 40,000
// attendees must not be searched as an array 100,000 times. Each id list is made a Set once.
const idSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function holds(ids: readonly string[], id: string): boolean {
  if (ids.length < 32) return ids.includes(id);
  let set = idSets.get(ids);
  if (!set) idSets.set(ids, (set = new Set(ids)));
  return set.has(id);
}

/** Whether the document is listed for this viewer (a classified one is listed, never opened: `canOpen`). */
export function canSee(doc: DocumentAccess, viewer: DocumentViewer): boolean {
  if (viewer.kind === "organiser") return true;
  if (!doc.published) return false;
  switch (doc.audience) {
    case "EVERYONE":
      return true;
    case "GROUPS":
      return viewer.kind === "attendee" && viewer.groupId !== null && holds(doc.groupIds, viewer.groupId);
    case "BRIDGES":
      return viewer.bridgePointId !== null && holds(doc.bridgePointIds, viewer.bridgePointId);
    case "ATTENDEES":
      return viewer.kind === "attendee" && holds(doc.attendeeIds, viewer.attendeeId);
    case "ORGANISERS":
      return false;
  }
}

/**
 * Whether the viewer may open the file: listed, and not classified (Decision 45/2018 and the law on
 * state secrets keep a document marked mật off electronic distribution, so it never has a file).
 */
export function canOpen(doc: DocumentAccess & { hasFile: boolean }, viewer: DocumentViewer): boolean {
  return doc.hasFile && !doc.classified && canSee(doc, viewer);
}

/** Whether the audience names someone: a chosen audience with nobody chosen is refused. */
export function audienceNamesSomeone(
  doc: Pick<DocumentAccess, "audience" | "groupIds" | "bridgePointIds" | "attendeeIds">,
): boolean {
  switch (doc.audience) {
    case "GROUPS":
      return doc.groupIds.length > 0;
    case "BRIDGES":
      return doc.bridgePointIds.length > 0;
    case "ATTENDEES":
      return doc.attendeeIds.length > 0;
    default:
      return true;
  }
}
