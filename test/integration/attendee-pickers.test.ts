import { beforeAll, describe, expect, it } from "vitest";
import { noticeAttendance } from "#app/conclusions/notice.server.ts";
import { pickAttendees } from "#app/database/attendee-search.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { NAMED_SHOWN, organiserDocuments, searchAttendees } from "#app/meeting-documents/listing.server.ts";
import * as awards from "#app/routes/conferences.$id.awards.tsx";
import * as bridge from "#app/routes/conferences.$id.bridges.$bridgeId.tsx";
import * as bridges from "#app/routes/conferences.$id.bridges._index.tsx";
import * as home from "#app/routes/conferences.$id._index.tsx";
import * as reminders from "#app/routes/conferences.$id.reminders.tsx";
import { call, get, signIn, type Person } from "#tests/helpers/route-call.ts";

// Issue 17: the organisers' pages that choose or count attendees read only what they show. The folded
// search every picker uses (a LIKE on each word's consonants, then foldVietnamese), the roll-call figures
// counted in SQL, a document's named audience counted through its targets, and the pages that use them.
// On SQLite and on PostgreSQL (npm run test:pg).

let office: Person;
let conferenceId: string;
let otherId: string;
let nuiThanh: string;
let n = 0;

async function attendee(name: string, data: Record<string, unknown> = {}, conference = conferenceId) {
  n += 1;
  return prisma.attendee.create({
    data: {
      conferenceId: conference,
      name,
      email: `chon${n}@pickers.test`,
      token: `pickers-token-${n}`,
      invitationKey: `pickers-key-${n}`,
      ...data,
    },
    select: { id: true, name: true },
  });
}

const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name);

beforeAll(async () => {
  office = await signIn("vanphong.quangnam@hoinghi.local");
  const c = await prisma.conference.findFirstOrThrow({
    where: { title: { contains: "năm 2023, triển khai" }, issuePlace: "Quảng Nam" },
    select: { id: true, organizationId: true },
  });
  conferenceId = c.id;
  otherId = (
    await prisma.conference.findFirstOrThrow({ where: { id: { not: c.id }, kind: "CONFERENCE" }, select: { id: true } })
  ).id;
  nuiThanh = (
    await prisma.bridgePoint.findFirstOrThrow({
      where: { conferenceId, name: { contains: "Núi Thành" } },
      select: { id: true },
    })
  ).id;
  await attendee("Nguyễn Văn Thắng", { position: "Chuyên viên", organizationName: "Sở Nội vụ" });
  await attendee("Nguyễn Văn Thắng Thu Hồi", { revokedAt: new Date() });
  await attendee("Nguyễn Văn Thắng Hội Nghị Khác", {}, otherId);
  // Typed on a system that stores decomposed letters.
  await attendee("Trần Thị Ửng".normalize("NFD"), { organizationName: "UBND huyện Đại Lộc".normalize("NFD") });
  await attendee("Mã 100% _x");
  for (let i = 0; i < 60; i++) {
    await attendee(`Phạm Đức Số ${String(i).padStart(2, "0")}`, {
      organizationName: `Phòng ${String(59 - i).padStart(2, "0")}`,
      ...(i < 3 ? { bridgePointId: nuiThanh } : {}),
    });
  }
});

describe("the folded attendee search of the pickers", () => {
  it("finds every word without marks, in name, position, unit or e-mail, leaving out revoked and other conferences", async () => {
    expect(names((await pickAttendees(conferenceId, "nguyen van thang")).rows)).toEqual(["Nguyễn Văn Thắng"]);
    expect(names((await pickAttendees(conferenceId, "THẮNG chuyen vien noi vu")).rows)).toEqual(["Nguyễn Văn Thắng"]);
    expect(names((await pickAttendees(conferenceId, "ung dai loc")).rows)).toEqual(["Trần Thị Ửng".normalize("NFD")]);
    const byMail = await pickAttendees(conferenceId, `chon${n}@pickers`);
    expect(names(byMail.rows)).toEqual(["Phạm Đức Số 59"]);
  });

  it("takes what is typed literally: % and _ are no wildcards, one letter finds nobody", async () => {
    expect(names((await pickAttendees(conferenceId, "100%")).rows)).toEqual(["Mã 100% _x"]);
    expect(names((await pickAttendees(conferenceId, "_x")).rows)).toEqual(["Mã 100% _x"]);
    expect(await pickAttendees(conferenceId, "n")).toEqual({ rows: [], more: false });
  });

  it("gives at most the limit, in the list's order, and says when more match", async () => {
    const first = await pickAttendees(conferenceId, "pham duc so");
    expect(first.rows).toHaveLength(50);
    expect(first.more).toBe(true);
    expect(first.rows[0]!.name).toBe("Phạm Đức Số 00");
    expect(first.rows[49]!.name).toBe("Phạm Đức Số 49");
    const all = await pickAttendees(conferenceId, "pham duc so", { limit: 60 });
    expect([all.rows.length, all.more]).toEqual([60, false]);
    const byUnit = await pickAttendees(conferenceId, "pham duc so", { order: "organization", limit: 2 });
    expect(names(byUnit.rows)).toEqual(["Phạm Đức Số 59", "Phạm Đức Số 58"]);
  });

  it("matches the current bridge point's name only when asked", async () => {
    const atBridge = await pickAttendees(conferenceId, "pham nui thanh", { bridgeName: true });
    expect(names(atBridge.rows)).toEqual(["Phạm Đức Số 00", "Phạm Đức Số 01", "Phạm Đức Số 02"]);
    expect((await pickAttendees(conferenceId, "pham nui thanh")).rows).toEqual([]);
  });
});

describe("pages that choose attendees", () => {
  it("awards: the awardee select offers what ?aq= finds, and nobody without a search", async () => {
    const path = `/conferences/${conferenceId}/awards`;
    const plain = await call(awards.loader, get(path, office), { id: conferenceId });
    expect(plain.body.awardeeSearch).toEqual({ q: "", searched: false, more: false, matches: [] });
    const found = await call(awards.loader, get(`${path}?aq=nguyen+van+thang`, office), { id: conferenceId });
    expect(found.body.awardeeSearch.matches).toEqual([
      { id: expect.any(String), label: "Nguyễn Văn Thắng, Chuyên viên – Sở Nội vụ" },
    ]);
    expect(found.body.awards.length).toBe(plain.body.awards.length);
  });

  it("reminders: the chosen-people search answers the first 20 from one letter on", async () => {
    const path = `/conferences/${conferenceId}/reminders`;
    const found = await call(reminders.loader, get(`${path}?q=thang+so+noi+vu`, office), { id: conferenceId });
    expect(found.body.matches).toEqual([
      {
        id: expect.any(String),
        name: "Nguyễn Văn Thắng",
        position: "Chuyên viên",
        organizationName: "Sở Nội vụ",
        email: expect.stringMatching(/@pickers\.test$/),
      },
    ]);
    const one = await call(reminders.loader, get(`${path}?q=n`, office), { id: conferenceId });
    expect(one.body.matches).toHaveLength(20);
    const none = await call(reminders.loader, get(path, office), { id: conferenceId });
    expect(none.body.matches).toEqual([]);
  });

  it("documents: the audience search folds too", async () => {
    expect(await searchAttendees(conferenceId, "tran thi ung")).toEqual([
      {
        id: expect.any(String),
        label: `${"Trần Thị Ửng".normalize("NFD")} – ${"UBND huyện Đại Lộc".normalize("NFD")}`,
      },
    ]);
  });

  it("bridges: the attendees to assign come from the search (bridge name included) and the total is counted", async () => {
    const path = `/conferences/${conferenceId}/bridges`;
    const total = await prisma.attendee.count({ where: { conferenceId, revokedAt: null } });
    const plain = await call(bridges.loader, get(path, office), { id: conferenceId });
    expect(plain.body.totals.attendees).toBe(total);
    expect(plain.body.attendees.length).toBe(Math.min(total, 200));
    const found = await call(bridges.loader, get(`${path}?aq=pham+nui+thanh`, office), { id: conferenceId });
    expect(found.body.attendees.map((a: { label: string }) => a.label)).toEqual([
      "Phạm Đức Số 02 – Phòng 57",
      "Phạm Đức Số 01 – Phòng 58",
      "Phạm Đức Số 00 – Phòng 59",
    ]);
    expect(found.body.paging).toMatchObject({ aq: "pham nui thanh", attendeesSearched: true, attendeesMore: false });
  });

  it("a bridge point's attendees come a hundred to a page", async () => {
    const more = [];
    for (let i = 0; i < 100; i++) more.push((await attendee(`Lê Thị Cầu ${String(i).padStart(3, "0")}`)).id);
    await prisma.attendee.updateMany({ where: { id: { in: more } }, data: { bridgePointId: nuiThanh } });
    const count = await prisma.attendee.count({ where: { bridgePointId: nuiThanh, revokedAt: null } });
    const path = `/conferences/${conferenceId}/bridges/${nuiThanh}`;
    const p1 = await call(bridge.loader, get(path, office), { id: conferenceId, bridgeId: nuiThanh });
    const p2 = await call(bridge.loader, get(`${path}?page=2`, office), { id: conferenceId, bridgeId: nuiThanh });
    expect(p1.body.attendees).toHaveLength(100);
    expect(p2.body.attendees).toHaveLength(count - 100);
    expect(p2.body.attendeePaging).toEqual({ page: 2, pages: 2, from: 101 });
    const seen = [...p1.body.attendees, ...p2.body.attendees].map((a: { id: string }) => a.id);
    expect(new Set(seen).size).toBe(count);
  });
});

describe("figures counted in SQL", () => {
  it("the roll-call figures equal those of every invitation read one by one, revoked marks left out", async () => {
    const [present, revoked, excused, unexcused] = await Promise.all([
      attendee("Có Mặt Mới"),
      attendee("Bị Thu Hồi Nhưng Đã Điểm Danh", { revokedAt: new Date() }),
      attendee("Vắng Có Lý Do"),
      attendee("Chưa Điểm Danh"),
    ]);
    const mark = (attendeeId: string, status: "IN_PERSON" | "ABSENT", absenceReason = "") =>
      prisma.attendance.create({
        data: { attendeeId, conferenceId, status, absenceReason, method: "ROLL_CALL", updatedAt: new Date() },
      });
    await mark(present.id, "IN_PERSON");
    await mark(revoked.id, "IN_PERSON");
    await mark(excused.id, "ABSENT", "Đi công tác");
    void unexcused;
    const rows = await prisma.attendee.findMany({
      where: { conferenceId, revokedAt: null },
      select: { attendance: { select: { status: true, absenceReason: true } } },
    });
    const isIn = (s?: string) => s === "IN_PERSON" || s === "ONLINE" || s === "SUBSTITUTE";
    const expected = {
      invited: rows.length,
      present: rows.filter((r) => isIn(r.attendance?.status)).length,
      absentExcused: rows.filter((r) => r.attendance?.status === "ABSENT" && r.attendance.absenceReason.trim()).length,
    };
    const figures = await noticeAttendance(prisma, conferenceId);
    expect(figures).toEqual({
      ...expected,
      absentUnexcused: expected.invited - expected.present - expected.absentExcused,
    });
    expect(figures.absentExcused).toBeGreaterThan(0);
    const page = await call(home.loader, get(`/conferences/${conferenceId}`, office), { id: conferenceId });
    expect([page.body.attendeeCount, page.body.presentCount]).toEqual([expected.invited, expected.present]);
  });

  it("a document for named attendees: size and views through its targets, the first names and the rest counted", async () => {
    const chosen = [];
    for (let i = 0; i < NAMED_SHOWN + 2; i++) chosen.push(await attendee(`Đọc Tài Liệu ${String(i).padStart(2, "0")}`));
    const gone = await attendee("Đọc Tài Liệu Thu Hồi", { revokedAt: new Date() });
    const doc = await prisma.meetingDocument.create({
      data: {
        conferenceId,
        position: 99,
        title: "Cho các đại biểu được chọn",
        audience: "ATTENDEES",
        targets: { create: [...chosen, gone].map((a) => ({ attendeeId: a.id })) },
      },
      select: { id: true },
    });
    const now = new Date();
    for (const a of [chosen[0]!, chosen[5]!, gone])
      await prisma.documentView.create({ data: { documentId: doc.id, attendeeId: a.id, firstAt: now, lastAt: now } });
    const row = (await organiserDocuments(conferenceId)).find((d) => d.id === doc.id)!;
    expect([row.viewers, row.audienceSize, row.bridgeViewers]).toEqual([2, NAMED_SHOWN + 2, 0]);
    expect(row.targetNames).toEqual([...chosen.slice(0, NAMED_SHOWN).map((a) => a.name), "và 3 đại biểu khác"]);
  });
});
