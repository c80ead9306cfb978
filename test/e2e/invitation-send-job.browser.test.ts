// Pressing "send" for a large conference (over INLINE_SEND_LIMIT attendees) returns at once and the
// attendees page follows the job that queues the invitations, then says how many it queued (issue 15,
// goal 4); a reminder round to so many likewise. The seed's Đà Nẵng 2026 conference gets 2,001 more
// attendees first.
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createAttendees } from "#app/invitations/attendees.server.ts";
import { INLINE_SEND_LIMIT } from "#app/invitations/send-job.server.ts";
import { demoDaNang2026 } from "#prisma/seed-data/plans.ts";
import { signIn } from "#tests/helpers/browser.ts";
import { useAppAndBrowser } from "#tests/helpers/e2e.ts";
import { keepUpcoming } from "#tests/helpers/upcoming-conference.ts";

const app = useAppAndBrowser();
const MORE = INLINE_SEND_LIMIT + 1;
let total = 0;

beforeAll(async () => {
  await keepUpcoming(demoDaNang2026.title);
  const c = await prisma.conference.findFirstOrThrow({ where: { title: demoDaNang2026.title }, select: { id: true } });
  await createAttendees(
    SYSTEM_ACTOR,
    c.id,
    Array.from({ length: MORE }, (_, i) => ({
      name: `Võ Thị Mời ${i + 1}`,
      position: "Chuyên viên",
      organizationName: "UBND quận Thử",
      email: `moi${i + 1}@danang.hoinghi.local`,
      phone: "",
    })),
    { kind: "file", fileName: "dai-bieu.xlsx" },
  );
  total = await prisma.attendee.count({ where: { conferenceId: c.id, revokedAt: null } });
  await prisma.$disconnect();
});

describe("sending a large conference's invitations", () => {
  it("answers at once, then shows the queuing's progress and how many it queued", async () => {
    const page = await signIn(app.browser, app.server.url, "vanphong.danang@hoinghi.local");
    await page
      .getByRole("link", { name: /Tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2026/ })
      .first()
      .click();
    await page.getByRole("link", { name: /Đại biểu, giấy mời/ }).click();
    await page.waitForURL(/\/attendees$/);
    await page.getByRole("button", { name: "Gửi giấy mời cho đại biểu chưa nhận" }).click();
    const count = total.toLocaleString("vi-VN");
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain(`Đang đưa giấy mời vào hàng đợi gửi cho ${count} đại biểu`);
    // Then the page, refreshing itself, says what the job queued (every attendee: none had it yet).
    await expect
      .poll(() => page.getByText(/giấy mời vào hàng đợi gửi\.$/).allTextContents(), { timeout: 30_000 })
      .toContain(`Đã đưa ${count} giấy mời vào hàng đợi gửi.`);

    // A reminder round to those who have not answered: the round opens at once, its job queues the messages.
    await page.getByRole("button", { name: "Nhắc đại biểu chưa trả lời" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toMatch(/Đang đưa thư nhắc trả lời vào hàng đợi gửi cho [\d.]+ đại biểu/);
    await expect
      .poll(() => page.getByText(/thư nhắc trả lời vào hàng đợi gửi\.$/).allTextContents(), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/^Đã đưa [\d.]+ thư nhắc trả lời vào hàng đợi gửi\.$/)]);
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/round-send.png`, fullPage: false });
  });
});
