import { describe, expect, it } from "vitest";
import { mayAssignAction, mayUpdateAction, mayWriteReport, ownsAction } from "#app/remediation/owner.ts";
import { ROLE_CAPABILITIES, type Capability } from "#app/auth/policy.ts";
import type { Role } from "#app/auth/roles.ts";

const caps = (role: Role) => new Set<Capability>(ROLE_CAPABILITIES[role]);
const me = { id: "u1", organizationId: "org-a" };
const byOrg = { ownerUserId: null, ownerOrganizationId: "org-a" };
const byMe = { ownerUserId: "u1", ownerOrganizationId: "org-b" };
const others = { ownerUserId: "u2", ownerOrganizationId: "org-b" };
const nobody = { ownerUserId: null, ownerOrganizationId: null };

describe("remediation owner rule", () => {
  it("counts the person in charge and the lead organisation's members as owners", () => {
    expect(ownsAction(me, byOrg)).toBe(true);
    expect(ownsAction(me, byMe)).toBe(true);
    expect(ownsAction(me, others)).toBe(false);
    expect(ownsAction(me, nobody)).toBe(false);
  });

  it("lets Nội vụ update any action and assign it; owners update their own; a VIEWER nothing", () => {
    expect(mayUpdateAction(caps("HOME_AFFAIRS"), me, others)).toBe(true);
    expect(mayAssignAction(caps("HOME_AFFAIRS"))).toBe(true);
    expect(mayUpdateAction(caps("OFFICE"), me, byOrg)).toBe(true);
    expect(mayUpdateAction(caps("OFFICE"), me, others)).toBe(false);
    expect(mayAssignAction(caps("OFFICE"))).toBe(false);
    expect(mayUpdateAction(caps("VIEWER"), me, byMe)).toBe(false);
    expect(mayUpdateAction(caps("CHECKIN_STAFF"), me, byMe)).toBe(false);
  });

  it("lets owners of at least one action, and Nội vụ, write the progress report", () => {
    expect(mayWriteReport(caps("OFFICE"), me, [others, byOrg])).toBe(true);
    expect(mayWriteReport(caps("OFFICE"), me, [others])).toBe(false);
    expect(mayWriteReport(caps("VIEWER"), me, [byMe])).toBe(false);
    expect(mayWriteReport(caps("HOME_AFFAIRS"), me, [])).toBe(true);
  });
});
