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

  it("keeps the ids of attendee groups, tasks and recipients across a save; a removed task is gone", async () => {
    const tamDuong = await user("vanphong.tamduong@hoinghi.local");
    const two = {
      "attendeeGroups[1].heading": "Cấp xã",
      "attendeeGroups[1].lines[0].text": "Công chức văn phòng;",
      "tasks[1].assignee": "Văn phòng HĐND và UBND",
      "tasks[1].duties": "Bố trí hội trường.",
      recipients: "Như trên;\nLưu: VT.",
    };
    const id = await createConference(tamDuong, values(tamDuong.organizationId, two));
    const children = () =>
      prisma.conference.findUniqueOrThrow({
        where: { id },
        select: {
          attendeeGroups: { orderBy: { position: "asc" }, select: { id: true, heading: true } },
          taskAssignments: { orderBy: { position: "asc" }, select: { id: true, assignee: true } },
          recipients: { orderBy: { position: "asc" }, select: { id: true, text: true } },
        },
      });
    const before = await children();
    const group = before.attendeeGroups[1]!.id;
    const attendee = await prisma.attendee.create({
      data: {
        conferenceId: id,
        name: "Đại biểu thử",
        email: "thu@example.test",
        groupId: group,
        token: `t-${id}`,
        invitationKey: `k-${id}`,
      },
      select: { id: true },
    });
    // Same groups and recipients, edited; the second task removed.
    const { "tasks[1].assignee": _a, "tasks[1].duties": _d, ...oneTask } = two;
    await updateConference(
      tamDuong,
      id,
      values(tamDuong.organizationId, {
        ...oneTask,
        "attendeeGroups[1].heading": "Cấp xã, thị trấn",
        "tasks[0].assignee": "Phòng Nội vụ huyện",
      }),
    );
    const after = await children();
    expect(after.attendeeGroups.map((g) => g.id)).toEqual(before.attendeeGroups.map((g) => g.id));
    expect(after.attendeeGroups[1]!.heading).toBe("Cấp xã, thị trấn");
    expect(after.recipients.map((r) => r.id)).toEqual(before.recipients.map((r) => r.id));
    expect(after.taskAssignments).toEqual([{ id: before.taskAssignments[0]!.id, assignee: "Phòng Nội vụ huyện" }]);
    expect(await prisma.taskAssignment.count({ where: { id: before.taskAssignments[1]!.id } })).toBe(0);
    expect(await prisma.attendee.findUniqueOrThrow({ where: { id: attendee.id }, select: { groupId: true } })).toEqual({
      groupId: group,
    });
  });
});
