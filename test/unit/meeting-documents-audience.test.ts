import { describe, expect, it } from "vitest";
import { canSee, type DocumentAccess } from "#app/meeting-documents/audience.ts";

// canSee decides who a published document reaches, once per attendee when it is mailed: the same answer
// for a short list (searched as is) and for a long one (made a Set once).

const doc = (over: Partial<DocumentAccess>): DocumentAccess => ({
  audience: "EVERYONE",
  classified: false,
  published: true,
  groupIds: [],
  bridgePointIds: [],
  attendeeIds: [],
  ...over,
});
const attendee = (attendeeId: string, groupId: string | null = null, bridgePointId: string | null = null) => ({
  kind: "attendee" as const,
  attendeeId,
  groupId,
  bridgePointId,
});

describe("canSee", () => {
  it("finds a named attendee in a list of two and in a list of 40,000, and nobody else", () => {
    const many = Array.from({ length: 40_000 }, (_, i) => `a${i}`);
    for (const attendeeIds of [["a1", "a39999"], many]) {
      const d = doc({ audience: "ATTENDEES", attendeeIds });
      expect(canSee(d, attendee("a39999"))).toBe(true);
      expect(canSee(d, attendee("a1"))).toBe(true);
      expect(canSee(d, attendee("a40000"))).toBe(false);
      expect(canSee(d, { kind: "bridge", bridgePointId: "a1" })).toBe(false);
    }
  });

  it("reaches the chosen bridge points (3,300 of them) and the chosen groups, only once published", () => {
    const bridges = Array.from({ length: 3_300 }, (_, i) => `b${i}`);
    const d = doc({ audience: "BRIDGES", bridgePointIds: bridges });
    expect(canSee(d, { kind: "bridge", bridgePointId: "b3299" })).toBe(true);
    expect(canSee(d, attendee("x", null, "b7"))).toBe(true);
    expect(canSee(d, { kind: "bridge", bridgePointId: "b3300" })).toBe(false);
    expect(canSee({ ...d, published: false }, { kind: "bridge", bridgePointId: "b1" })).toBe(false);
    const g = doc({ audience: "GROUPS", groupIds: ["g1"] });
    expect(canSee(g, attendee("x", "g1"))).toBe(true);
    expect(canSee(g, attendee("x", "g2"))).toBe(false);
    expect(canSee(doc({ audience: "ORGANISERS" }), attendee("x"))).toBe(false);
    expect(canSee(doc({ audience: "ORGANISERS" }), { kind: "organiser" })).toBe(true);
  });
});
