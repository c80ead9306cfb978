import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { conferenceFor } from "#app/auth/guard.server.ts";
import { currentUserByEmail, type CurrentUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { planFormSchema, type PlanFormValues } from "#app/plans/plan-form.ts";
import {
  createConference,
  foreignOrganizationIds,
  getConference,
  listConferences,
  updateConference,
} from "#app/plans/plans.server.ts";

async function user(email: string): Promise<CurrentUser> {
  const u = await currentUserByEmail(email);
  if (!u) throw new Error(`no demo user ${email}`);
  return u;
}

function values(organizationId: string, extra: Record<string, string> = {}): PlanFormValues {
  const fd = new FormData();
  const fields: Record<string, string> = {
    kind: "CONFERENCE",
    organizationId,
    title: "Hội nghị kiểm thử phạm vi",
    documentSymbol: "KH-UBND",
    issuePlace: "Tam Đường",
    issueYear: "2026",
    format: "IN_PERSON",
    scheduleKind: "NONE",
    "attendeeGroups[0].lines[0].text": "Chủ tịch UBND các xã;",
    "tasks[0].assignee": "Phòng Nội vụ",
    "tasks[0].duties": "Chuẩn bị tài liệu.",
    recipients: "Lưu: VT.",
    signerTitle: "CHỦ TỊCH",
    ...extra,
  };
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const s = parseWithZod(fd, { schema: planFormSchema });
  if (s.status !== "success") throw new Error(JSON.stringify(s.reply().error));
  return s.value;
}

async function expect404(p: Promise<unknown>) {
  const thrown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(thrown).toBeInstanceOf(Response);
  expect((thrown as Response).status).toBe(404);
}

describe("conference scope", () => {
  it("lets a user see only their organisation's plans, and an admin everything below theirs", async () => {
    const tamDuong = await user("vanphong.tamduong@hoinghi.local");
    const admin = await user("admin@hoinghi.local");
    const own = await listConferences(tamDuong, {}, 1);
    expect(own.total).toBeGreaterThan(0);
    const ownOrgs = new Set(
      (
        await prisma.conference.findMany({
          where: { id: { in: own.rows.map((r) => r.id) } },
          select: { organizationId: true },
        })
      ).map((c) => c.organizationId),
    );
    expect([...ownOrgs]).toEqual([tamDuong.organizationId]);
    const all = await listConferences(admin, {}, 1);
    expect(all.total).toBe(await prisma.conference.count());
  });

  it("finds plans by a part of the title whatever its letter case, on SQLite and PostgreSQL alike", async () => {
    const admin = await user("admin@hoinghi.local");
    const all = await listConferences(admin, {}, 1);
    const title = all.rows.map((r) => r.title).find((t) => /[A-Z]/.test(t))!;
    const word = title.match(/[A-Z][a-z]+/)![0];
    for (const q of [word, word.toLowerCase(), word.toUpperCase()]) {
      const found = await listConferences(admin, { q }, 1);
      expect(
        found.rows.map((r) => r.title),
        q,
      ).toContain(title);
    }
  });

  it("answers 404 for another organisation's plan, for reading and for writing", async () => {
    const tamDuong = await user("vanphong.tamduong@hoinghi.local");
    const dongHa = await user("vanphong.dongha@hoinghi.local");
    const id = await createConference(tamDuong, values(tamDuong.organizationId));
    await expect404(conferenceFor(dongHa, id, "conference.view"));
    await expect404(conferenceFor(dongHa, id, "conference.edit"));
    expect((await prisma.conference.findUniqueOrThrow({ where: { id } })).title).toBe("Hội nghị kiểm thử phạm vi");
    await expect404(conferenceFor(tamDuong, "khong-ton-tai", "conference.view"));
    await expect404(getConference("khong-ton-tai"));
  });

  it("flags organisations outside the user's scope in any field of the form", async () => {
    const tamDuong = await user("vanphong.tamduong@hoinghi.local");
    const dongHa = await user("vanphong.dongha@hoinghi.local");
    const v = values(tamDuong.organizationId, { "tasks[0].organizationId": dongHa.organizationId });
    expect(foreignOrganizationIds(tamDuong, v)).toEqual([dongHa.organizationId]);
  });

  it("replaces attendee groups, tasks and recipients in one transaction: a failing write leaves the old plan whole", async () => {
    const tamDuong = await user("vanphong.tamduong@hoinghi.local");
    const id = await createConference(tamDuong, values(tamDuong.organizationId));
    // A task linked to an organisation that does not exist fails on its foreign key, after the deletes ran.
    const bad = values(tamDuong.organizationId, { title: "Tên mới", "tasks[0].organizationId": "khong-ton-tai" });
    const broken = { ...tamDuong, visibleOrganizationIds: [...tamDuong.visibleOrganizationIds, "khong-ton-tai"] };
    await expect(updateConference(broken, id, bad)).rejects.toThrow();
    const after = await prisma.conference.findUniqueOrThrow({
      where: { id },
      select: { title: true, _count: { select: { attendeeGroups: true, taskAssignments: true, recipients: true } } },
    });
    expect(after).toEqual({
      title: "Hội nghị kiểm thử phạm vi",
      _count: { attendeeGroups: 1, taskAssignments: 1, recipients: 1 },
    });
  });
});
