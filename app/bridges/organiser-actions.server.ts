// What organisers do on the bridge pages, each a named step with a Vietnamese outcome: `{ done }` with the
// message the page shows, or `{ fieldErrors }` that the form shows on its fields.

import type { CurrentUser } from "#app/auth/session.server.ts";
import type { BridgeConference } from "#app/bridges/access.server.ts";
import type { BridgeValues } from "#app/bridges/bridge-form.ts";
import { assignAttendees, bulkCreateBridges } from "#app/bridges/placement.server.ts";
import { createBridge, deleteBridge, hostOptions, updateBridge } from "#app/bridges/bridges.server.ts";
import { requestBridgeTests } from "#app/bridges/test-request.server.ts";
import { scheduleTest } from "#app/bridges/readiness.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import { outboxWorker } from "#app/mailing/worker.server.ts";

export type Outcome =
  { done: string; fieldErrors?: undefined } | { done?: undefined; fieldErrors: Record<string, string[]> };

async function hostRefused(c: BridgeConference, v: BridgeValues): Promise<Outcome | null> {
  if (!v.hostOrganizationId || (await hostOptions(c.organizationId)).some((h) => h.id === v.hostOrganizationId))
    return null;
  return { fieldErrors: { hostOrganizationId: ["Đơn vị chủ trì phải thuộc cơ quan tổ chức hội nghị"] } };
}

/** Adds a bridge point; its host must be the conference's organisation or one below it. */
export async function addBridge(user: CurrentUser, c: BridgeConference, v: BridgeValues): Promise<Outcome> {
  const refused = await hostRefused(c, v);
  if (refused) return refused;
  await createBridge(userActor(user), c.id, v);
  return { done: `Đã thêm ${v.name}.` };
}

/** Saves a bridge point's details, under the same rule for its host. */
export async function editBridge(
  user: CurrentUser,
  c: BridgeConference,
  bridgeId: string,
  v: BridgeValues,
): Promise<Outcome> {
  const refused = await hostRefused(c, v);
  if (refused) return refused;
  await updateBridge(userActor(user), c.id, bridgeId, v);
  return { done: "Đã lưu thông tin điểm cầu." };
}

/** Deletes a bridge point: its attendees go back to the main hall, its test history goes. */
export async function removeBridge(user: CurrentUser, c: BridgeConference, bridgeId: string): Promise<void> {
  await deleteBridge(userActor(user), c.id, bridgeId);
}

/** One bridge point per child of an organisation in the user's scope (existing and dissolved ones skipped). */
export async function addBridgesForChildren(
  user: CurrentUser,
  c: BridgeConference,
  v: { parentId: string; onlyAdministrative: boolean },
): Promise<Outcome> {
  if (!user.visibleOrganizationIds.includes(v.parentId))
    return { fieldErrors: { parentId: ["Cơ quan cấp trên không thuộc phạm vi của bạn"] } };
  const r = await bulkCreateBridges(userActor(user), c.id, v.parentId, {
    onlyAdministrative: v.onlyAdministrative,
    at: c.startsAt ?? new Date(),
  });
  const parts = [
    r.created.length ? `Đã tạo ${r.created.length} điểm cầu.` : "Không có điểm cầu mới nào.",
    r.skippedExisting.length ? `Bỏ qua ${r.skippedExisting.length} đơn vị đã có điểm cầu.` : "",
    r.skippedDissolved.length ? `Bỏ qua ${r.skippedDissolved.length} đơn vị đã giải thể, sáp nhập.` : "",
  ];
  return { done: parts.filter(Boolean).join(" ") };
}

/** Moves the ticked attendees to a bridge point of this conference ("" = the main hall). */
export async function moveAttendees(
  user: CurrentUser,
  c: BridgeConference,
  v: { target: string; attendeeIds: string[] },
): Promise<Outcome> {
  const moved = await assignAttendees(userActor(user), c.id, v.target || null, v.attendeeIds);
  if (moved === null) return { fieldErrors: { target: ["Điểm cầu không thuộc hội nghị này"] } };
  return { done: `Đã chuyển ${moved} đại biểu.` };
}

/** Sets the common connectivity test session. */
export async function scheduleBridgeTest(
  user: CurrentUser,
  c: BridgeConference,
  v: { bridgeTestAt: Date; bridgeTestNote: string },
): Promise<Outcome> {
  await scheduleTest(userActor(user), c.id, v.bridgeTestAt, v.bridgeTestNote);
  return { done: `Đã đặt lịch kiểm tra kết nối: ${formatDateTime(v.bridgeTestAt)}.` };
}

/** E-mails the bridges that have not confirmed, once per round (a second press of the same round sends nothing). */
export async function askBridgesToTest(user: CurrentUser, c: BridgeConference, round: number): Promise<Outcome> {
  const r = await requestBridgeTests(userActor(user), c.id, round);
  if (!r) return { done: "Đề nghị này đã được gửi; không gửi lại lần nữa." };
  if (r.queued) outboxWorker().kick();
  const parts = [
    r.queued ? `Đã đưa ${r.queued} thư đề nghị kiểm tra vào hàng đợi gửi.` : "Không có điểm cầu nào cần gửi đề nghị.",
    r.withoutEmail.length ? `Chưa có thư điện tử liên hệ: ${r.withoutEmail.join(", ")}.` : "",
  ];
  return { done: parts.filter(Boolean).join(" ") };
}
