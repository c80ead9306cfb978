import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/database/db.server.ts";
import { loader as attendeesLoader } from "#app/routes/conferences.$id.attendees.tsx";
import { call, get, signIn, type Person } from "#tests/helpers/route-call.ts";

// Issue 17 part 5 / issue 15: the attendee page reads one page of the list, counted, searched and
// filtered in SQL, and the answers per group by groupBy. Checked against the rows themselves on a
// conference of a few hundred attendees, on whichever database the run uses.

const N = 340;
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng"];
const ORGS = ["Sở Nội vụ", "Ủy ban nhân dân quận Hải Châu", "Văn phòng UBND thành phố"];
const POSITIONS = ["Phó Giám đốc", "Chuyên viên", "Trưởng phòng"];
const RSVPS = ["NO_ANSWER", "ACCEPTED", "DECLINED"] as const;

let office: Person;
let conferenceId: string;
let groups: Array<{ id: string; heading: string }>;
type Row = { id: string; name: string; email: string; organizationName: string; position: string };
let rows: Row[];

beforeAll(async () => {
  office = await signIn("vanphong.danang@hoinghi.local");
  const org = await prisma.organization.findFirstOrThrow({ where: { name: "UBND thành phố Đà Nẵng" } });
  const c = await prisma.conference.create({
    data: {
      organizationId: org.id,
      title: "Hội nghị thử danh sách đại biểu",
      issuePlace: "Đà Nẵng",
      issueYear: 2026,
      startsAt: new Date("2026-12-18T09:00:00+07:00"),
      attendeeGroups: {
        create: [
          { position: 0, heading: "Cấp thành phố" },
          { position: 1, heading: "Cấp quận" },
        ],
      },
    },
    select: { id: true, attendeeGroups: { orderBy: { position: "asc" }, select: { id: true, heading: true } } },
  });
  conferenceId = c.id;
  groups = c.attendeeGroups;
  const start = Date.parse("2026-11-01T00:00:00Z");
  await prisma.attendee.createMany({
    data: Array.from({ length: N }, (_, i) => ({
      id: `al${String(i).padStart(4, "0")}`,
      conferenceId,
      name: `${FAMILY[i % 5]} Văn Ấn ${i}`,
      email: `dai.bieu${i}@danang.hoinghi.local`,
      organizationName: ORGS[i % 3]!,
      position: POSITIONS[Math.floor(i / 3) % 3]!,
      groupId: i % 7 === 0 ? null : groups[i % 2]!.id,
      rsvp: RSVPS[i % 3],
      revokedAt: i % 50 === 49 ? new Date() : null,
      token: `al-token-${i}`,
      invitationKey: `al-key-${i}`,
      // Listed in the order they were added.
      createdAt: new Date(start + i * 1000),
    })),
  });
  rows = await prisma.attendee.findMany({
    where: { conferenceId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, organizationName: true, position: true },
  });
});

async function page(query = "") {
  const res = await call(attendeesLoader, get(`/conferences/${conferenceId}/attendees${query}`, office), {
    id: conferenceId,
  });
  expect(res.status).toBe(200);
  return res.body as {
    invitedCount: number;
    counts: Array<{ label: string; total: number; accepted: number; declined: number; noAnswer: number }>;
    list: { page: number; pages: number; matching: number; from: number; q: string; rsvp: string | null };
    attendees: Array<{ id: string; name: string; email: string; rsvp: string; group: string; delivery: unknown }>;
  };
}

/** The rows holding every word, folded as a reader would: the oracle of the search. */
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase();
const expected = (words: string[], keep: (i: number) => boolean = () => true) =>
  rows
    .filter(
      (r, i) =>
        keep(i) && words.every((w) => fold(`${r.name} ${r.email} ${r.organizationName} ${r.position}`).includes(w)),
    )
    .map((r) => r.name);

const names = (p: { attendees: Array<{ name: string }> }) => p.attendees.map((a) => a.name);

describe("the attendee page's list", () => {
  it("shows 100 attendees a page in the order they were added, with the page count", async () => {
    const first = await page();
    expect(first.list).toMatchObject({ page: 1, pages: 4, matching: N, from: 1 });
    expect(first.attendees.map((a) => a.id)).toEqual(rows.slice(0, 100).map((r) => r.id));
    const last = await page("?page=4");
    expect(last.list).toMatchObject({ page: 4, from: 301 });
    expect(last.attendees.map((a) => a.id)).toEqual(rows.slice(300).map((r) => r.id));
    // Past the end: the last page, not an empty one.
    expect((await page("?page=99")).list.page).toBe(4);
    expect((await page("?page=abc")).list.page).toBe(1);
  });

  it("finds attendees by name, e-mail, organisation or position, with or without diacritics, every word", async () => {
    const search = async (q: string) => {
      const p = await page(`?q=${encodeURIComponent(q)}`);
      expect(p.list.matching).toBe(p.attendees.length);
      return names(p);
    };
    expect(await search("dang van an 12")).toEqual(expected(["dang", "van", "an", "12"]));
    expect(await search("dang van an 12")).toEqual(["Đặng Văn Ấn 124", "Đặng Văn Ấn 129"]);
    expect(await search("ĐẶNG VĂN ẤN 12")).toEqual(["Đặng Văn Ấn 124", "Đặng Văn Ấn 129"]);
    expect(await search("uy ban hai chau pho giam")).toEqual(expected(["uy", "ban", "hai", "chau", "pho", "giam"]));
    expect((await search("uy ban hai chau pho giam")).length).toBeGreaterThan(10);
    expect(await search("dai.bieu33@")).toEqual(["Phạm Văn Ấn 33"]);
    expect(await search("nguyen 2_")).toEqual([]);
    expect(await search("chuyen vien *")).toEqual([]);
    // Many matches are paged like the whole list.
    const many = await page(`?q=${encodeURIComponent("van phong")}&page=2`);
    expect(many.list.matching).toBe(expected(["van", "phong"]).length);
    expect(names(many)).toEqual(expected(["van", "phong"]).slice(100, 200));
  });

  it("filters by answer, with the search", async () => {
    const declined = await page("?rsvp=DECLINED");
    expect(declined.list.matching).toBe(rows.filter((_, i) => i % 3 === 2).length);
    expect(declined.attendees.every((a) => a.rsvp === "DECLINED")).toBe(true);
    const both = await page(`?rsvp=ACCEPTED&q=${encodeURIComponent("le van")}`);
    expect(names(both)).toEqual(expected(["le", "van"], (i) => i % 3 === 1));
    expect(names(both).length).toBeGreaterThan(10);
    // An unknown answer is no filter.
    expect((await page("?rsvp=MAYBE")).list.matching).toBe(N);
  });

  it("filters by a delivery problem: the last message failed, or its sender died", async () => {
    const [failed, stuck, live, recovered] = rows;
    const message = (attendeeId: string, version: number, extra: object) => ({
      conferenceId,
      attendeeId,
      kind: "INVITATION" as const,
      version,
      messageId: `<al-${attendeeId}-${version}@test>`,
      toAddress: "x@danang.hoinghi.local",
      subject: "Giấy mời",
      createdAt: new Date(Date.now() - 60_000 + version * 1000),
      ...extra,
    });
    const now = Date.now();
    await prisma.outboxMessage.createMany({
      data: [
        message(failed!.id, 1, { status: "FAILED", lastError: "550 mailbox unavailable" }),
        message(stuck!.id, 1, {
          status: "SENDING",
          claimedAt: new Date(now - 90_000),
          leaseUntil: new Date(now - 5_000),
        }),
        message(live!.id, 1, {
          status: "SENDING",
          claimedAt: new Date(now - 1_000),
          leaseUntil: new Date(now + 30_000),
        }),
        message(recovered!.id, 1, { status: "FAILED" }),
        message(recovered!.id, 2, { status: "SENT", sentAt: new Date() }),
      ],
    });
    const problems = await page("?mail=problem");
    expect(problems.attendees.map((a) => a.id)).toEqual([failed!.id, stuck!.id]);
    expect(problems.attendees.map((a) => (a.delivery as { label: string }).label)).toEqual([
      "Gửi lỗi",
      "Bị treo khi đang gửi",
    ]);
    expect((await page()).attendees.find((a) => a.id === recovered!.id)?.delivery).toMatchObject({ status: "SENT" });
  });

  it("counts the answers per group and the attendees still invited in SQL", async () => {
    const p = await page("?page=2&q=nguyen");
    const all = await prisma.attendee.findMany({ where: { conferenceId, revokedAt: null } });
    expect(p.invitedCount).toBe(all.length);
    const expected = [
      ...groups.map((g) => ({ id: g.id as string | null, label: g.heading })),
      { id: null, label: "Chưa phân nhóm" },
    ].map((g) => {
      const inGroup = all.filter((a) => a.groupId === g.id);
      const answered = (rsvp: string) => inGroup.filter((a) => a.rsvp === rsvp).length;
      return {
        label: g.label,
        total: inGroup.length,
        accepted: answered("ACCEPTED"),
        declined: answered("DECLINED"),
        noAnswer: answered("NO_ANSWER"),
      };
    });
    expect(p.counts).toEqual(expected);
    expect(p.counts.reduce((s, g) => s + g.total, 0)).toBe(p.invitedCount);
  });

  it("marks the members of an organisation already on the list by their e-mail only", async () => {
    const org = await prisma.organization.findFirstOrThrow({ where: { name: "UBND thành phố Đà Nẵng" } });
    const members = await prisma.user.findMany({ where: { organizationId: org.id, active: true } });
    await prisma.attendee.create({
      data: {
        conferenceId,
        name: members[0]!.name,
        email: members[0]!.email,
        token: "al-member-token",
        invitationKey: "al-member-key",
      },
    });
    const p = (await page(`?org=${org.id}`)) as unknown as {
      members: { people: Array<{ email: string; invited: boolean }> };
    };
    expect(p.members.people.filter((m) => m.invited).map((m) => m.email)).toEqual([members[0]!.email]);
    expect(p.members.people).toHaveLength(members.length);
  });
});
