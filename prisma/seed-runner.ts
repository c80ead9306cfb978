import { hashPassword, DEMO_PASSWORD } from "#app/auth/password.server.ts";
import type { PrismaClient } from "#app/generated/prisma/client.ts";
import { organizations, users } from "#prisma/seed-data/organizations.ts";
import { demoPlans, plans } from "#prisma/seed-data/plans.ts";
import type { SeedPlan } from "#prisma/seed-data/types.ts";
import { ORGANIZATION_LEVELS } from "#app/organizations/levels.ts";
import { agendas } from "#prisma/seed-data/agenda.ts";
import { awards } from "#prisma/seed-data/awards.ts";
import { speeches } from "#prisma/seed-data/speeches.ts";
import { seedInvitations } from "#prisma/seed-invitations.ts";
import { seedBridgeReadiness } from "#prisma/seed-data/bridges.ts";
import { seedCheckinLists } from "#prisma/seed-data/checkin.ts";
import { seedAttendance } from "#prisma/seed-data/attendance.ts";
import { seedConclusions } from "#prisma/seed-data/conclusions.ts";
import { seedReminders } from "#prisma/seed-data/reminders.ts";
import { seedMeetingDocuments } from "#prisma/seed-data/meeting-documents.ts";
import { seedScoring } from "#prisma/seed-scoring.ts";

function planData(p: SeedPlan, orgId: (key: string) => string, createdById: string) {
  return {
    organizationId: orgId(p.organizationKey),
    kind: p.kind,
    status: p.status,
    documentNumber: p.documentNumber,
    documentSymbol: p.documentSymbol,
    issuePlace: p.issuePlace,
    issueDay: p.issueDay,
    issueMonth: p.issueMonth,
    issueYear: p.issueYear,
    title: p.title,
    legalBasis: p.legalBasis,
    purposes: p.purposes,
    requirements: p.requirements,
    content: p.content,
    closing: p.closing,
    format: p.format,
    formatNote: p.formatNote,
    startsAt: p.startsAt ? new Date(p.startsAt) : null,
    endsAt: p.endsAt ? new Date(p.endsAt) : null,
    tentativeMonth: p.tentativeMonth,
    tentativeYear: p.tentativeYear,
    scheduleNote: p.scheduleNote,
    scheduleText: p.scheduleText,
    venue: p.venue,
    budgetSource: p.budgetSource,
    chair: p.chair,
    signAuthority: p.signAuthority,
    signDelegation: p.signDelegation,
    signerTitle: p.signerTitle,
    signerName: p.signerName,
    outline: p.outline ? JSON.stringify(p.outline) : null,
    invitationNumber: p.invitationNumber ?? null,
    preparationNote: p.preparationNote ?? "",
    contactName: p.contactName ?? "",
    contactPhone: p.contactPhone ?? "",
    contactEmail: p.contactEmail ?? "",
    createdById,
    attendeeGroups: {
      create: p.attendeeGroups.map((g, position) => ({
        position,
        heading: g.heading,
        lines: {
          create: g.lines.map((l, i) => ({
            position: i,
            text: l.text,
            organizationId: l.organizationKey ? orgId(l.organizationKey) : null,
          })),
        },
      })),
    },
    taskAssignments: {
      create: p.tasks.map((t, position) => ({
        position,
        assignee: t.assignee,
        organizationId: t.organizationKey ? orgId(t.organizationKey) : null,
        duties: t.duties,
        inlineDuties: t.inlineDuties,
        dueDate: t.dueDate ? new Date(`${t.dueDate}T00:00:00+07:00`) : null,
        status: t.status,
      })),
    },
    recipients: { create: p.recipients.map((text, position) => ({ position, text })) },
  };
}

// One transaction of a few thousand statements: far more than Prisma's default 5 s on PostgreSQL (a
// round trip each) or on a busy machine. All or nothing still holds; only the deadline moves.
const SEED_TRANSACTION = { timeout: 5 * 60_000, maxWait: 60_000 };

/** Creates the demo organisations, users and plans in an empty database. */
export async function seedDatabase(prisma: PrismaClient, options: { password?: string } = {}) {
  const hash = await hashPassword(options.password ?? DEMO_PASSWORD);
  let scoring = { frameworks: 0, rounds: 0 };
  let attendees = 0;
  await prisma.$transaction(async (tx) => {
    const levelIds = new Map<string, string>();
    for (const level of ORGANIZATION_LEVELS) {
      const row = await tx.organizationLevel.create({ data: level, select: { id: true } });
      levelIds.set(level.code, row.id);
    }
    const orgIds = new Map<string, string>();
    const orgId = (key: string) => {
      const id = orgIds.get(key);
      if (!id) throw new Error(`Seed: unknown organisation key ${key}`);
      return id;
    };
    for (const o of organizations) {
      const row = await tx.organization.create({
        data: {
          name: o.name,
          documentName: o.documentName,
          placeName: o.placeName,
          code: o.code ?? null,
          levelId: levelIds.get(o.level)!,
          parentId: o.parentKey ? orgId(o.parentKey) : null,
          dissolvedOn: o.dissolvedOn ? new Date(`${o.dissolvedOn}T00:00:00+07:00`) : null,
        },
        select: { id: true },
      });
      orgIds.set(o.key, row.id);
    }
    let adminId = "";
    for (const u of users) {
      const row = await tx.user.create({
        data: {
          email: u.email,
          name: u.name,
          position: u.position ?? null,
          organizationId: orgId(u.organizationKey),
          // Every seeded account is a demo account, whatever password it was seeded with:
          // production refuses to start while any of them keeps the demo password.
          isDemo: true,
          password: { create: { hash } },
          roles: { create: u.roles.map((role) => ({ role })) },
        },
        select: { id: true },
      });
      if (u.roles.includes("ADMIN") && !adminId) adminId = row.id;
    }
    const conferenceIds = new Map<string, string>();
    for (const p of [...plans, ...demoPlans]) {
      const created = await tx.conference.create({ data: planData(p, orgId, adminId), select: { id: true } });
      conferenceIds.set(p.key, created.id);
    }
    attendees = await seedInvitations(tx, conferenceIds, orgId);
    await seedBridgeReadiness(tx, conferenceIds, orgId);
    await seedCheckinLists(tx, conferenceIds);
    await seedAttendance(tx, conferenceIds);
    await seedReminders(tx, conferenceIds);
    await seedMeetingDocuments(tx, conferenceIds);
    for (const [planKey, list] of Object.entries(awards)) {
      await tx.award.createMany({
        data: list.map(({ approved, decisionDate, ...a }, position) => ({
          conferenceId: conferenceIds.get(planKey)!,
          position,
          status: approved ? "APPROVED" : "PROPOSED",
          decisionDate: decisionDate ? new Date(`${decisionDate}T00:00:00+07:00`) : null,
          ...a,
        })),
      });
    }
    for (const [planKey, list] of Object.entries(speeches)) {
      for (const { drafts, ...sp } of list) {
        await tx.speech.create({
          data: {
            conferenceId: conferenceIds.get(planKey)!,
            ...sp,
            versions: {
              create: (drafts ?? []).map((content, i) => ({ version: i + 1, content, createdById: adminId })),
            },
          },
        });
      }
    }
    // Awardees who are also attendees are linked, so the list shows that they are invited.
    for (const award of await tx.award.findMany({ select: { id: true, conferenceId: true, recipientName: true } })) {
      const attendee = await tx.attendee.findFirst({
        where: { conferenceId: award.conferenceId, name: award.recipientName },
        select: { id: true },
      });
      if (attendee) await tx.award.update({ where: { id: award.id }, data: { attendeeId: attendee.id } });
    }
    for (const [planKey, items] of Object.entries(agendas)) {
      const conferenceId = conferenceIds.get(planKey)!;
      const papers = await tx.speech.findMany({ where: { conferenceId }, select: { id: true, title: true } });
      await tx.agendaItem.createMany({
        data: items.map((item, position) => ({
          conferenceId,
          position,
          ...item,
          // A discussion item presents the paper whose title it quotes.
          speechId: papers.find((p) => item.title.includes(p.title))?.id ?? null,
        })),
      });
    }
    await seedConclusions(tx, conferenceIds, orgId); // issue 14: conclusion (needs the agenda above)
    const levelId = (code: string) => {
      const id = levelIds.get(code);
      if (!id) throw new Error(`Seed: unknown level ${code}`);
      return id;
    };
    const seeded = await seedScoring(tx, orgId, levelId);
    scoring = { frameworks: seeded.frameworks, rounds: seeded.rounds };
    // The conferences that announce an index show it in their presentation packet.
    for (const [planKey, roundKey] of [
      ["tam-duong-2024-cong-bo-chi-so-cap-xa", "tam-duong-xa-2023"],
      ["quang-nam-2024-tong-ket-cchc-2023", "quang-nam-huyen-2023"],
      // Ranked in blocks (departments, wards, communes and special zones), as provinces publish since 2025.
      ["da-nang-2026-tong-ket-cchc", "da-nang-2025"],
    ] as const) {
      await tx.conference.update({
        where: { id: conferenceIds.get(planKey)! },
        data: { scoringRoundId: seeded.roundIds.get(roundKey)! },
      });
    }
  }, SEED_TRANSACTION);
  return {
    organizations: organizations.length,
    users: users.length,
    plans: plans.length + demoPlans.length,
    attendees,
    ...scoring,
  };
}
