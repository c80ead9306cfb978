import { describe, expect, it } from "vitest";
import { addItem } from "#app/agenda/agenda.server.ts";
import { addAwards } from "#app/awards/awards.server.ts";
import { createBridge } from "#app/bridges/bridges.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { currentUserByEmail } from "#app/auth/session.server.ts";

// Writes that take the next free position of a conference's list read the last one, then insert after
// it. SQLite runs one write transaction at a time; PostgreSQL runs them side by side, where two of them
// would read the same last position and the second would hit the unique (conference, position) key.
// Several organisers at once must each get their own place, on both databases.

const N = 6;

async function setting() {
  const office = (await currentUserByEmail("vanphong.danang@hoinghi.local"))!;
  const c = await prisma.conference.findFirstOrThrow({
    where: { organizationId: office.organizationId, kind: "CONFERENCE" },
    select: { id: true },
  });
  return { actor: userActor(office), conferenceId: c.id };
}

describe("concurrent additions to a conference's ordered lists", () => {
  it("agenda items: each gets its own position, none fails", async () => {
    const { actor, conferenceId } = await setting();
    const before = await prisma.agendaItem.count({ where: { conferenceId } });
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        addItem(actor, conferenceId, {
          kind: "OTHER",
          title: `Mục song song ${i}`,
          presenter: "",
          durationMinutes: 5,
          speechId: null,
        }),
      ),
    );
    const positions = (await prisma.agendaItem.findMany({ where: { conferenceId }, select: { position: true } })).map(
      (r) => r.position,
    );
    expect(positions).toHaveLength(before + N);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it("awards: each gets its own position, none fails", async () => {
    const { actor, conferenceId } = await setting();
    const before = await prisma.award.count({ where: { conferenceId } });
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        addAwards(actor, conferenceId, [
          {
            recipientKind: "INDIVIDUAL",
            recipientName: `Người nhận ${i}`,
            organizationName: "",
            achievement: "",
            form: "Giấy khen",
            decisionNumber: "",
          },
        ]),
      ),
    );
    const positions = (await prisma.award.findMany({ where: { conferenceId }, select: { position: true } })).map(
      (r) => r.position,
    );
    expect(positions).toHaveLength(before + N);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it("bridge points: each gets its own position, none fails", async () => {
    const { actor, conferenceId } = await setting();
    const before = await prisma.bridgePoint.count({ where: { conferenceId } });
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        createBridge(actor, conferenceId, {
          name: `Điểm cầu song song ${i}`,
          hostOrganizationId: "",
          address: "",
          room: "",
          isMain: false,
          videoLink: "",
          videoPasscode: "",
          contactName: "",
          contactPhone: "",
          contactEmail: "",
        }),
      ),
    );
    const positions = (await prisma.bridgePoint.findMany({ where: { conferenceId }, select: { position: true } })).map(
      (r) => r.position,
    );
    expect(positions).toHaveLength(before + N);
    expect(new Set(positions).size).toBe(positions.length);
  });
});
