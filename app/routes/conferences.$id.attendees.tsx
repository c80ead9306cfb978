import { DELIVERY_LABEL, RSVP_LABEL } from "#app/conferences/vocabulary.ts";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { fileBytes, readForm } from "#app/http/form-data.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { userActor } from "#app/database/audit.server.ts";
import { ImportErrorsTable } from "#app/components/import-errors.tsx";
import { prisma } from "#app/db.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";
import { attendeeSchema, workingDaysBetween } from "#app/invitations/attendee-form.ts";
import { parseAttendees } from "#app/invitations/attendee-import.ts";
import {
  createAttendees,
  invitationConference,
  sendCancellation,
  sendInvitations,
  sendReminders,
  sendUpdate,
} from "#app/invitations/attendees.server.ts";
import { groupLabel } from "#app/conferences/naming.ts";
import { cannotInviteReason } from "#app/invitations/context.server.ts";
import { requeueMessage } from "#app/mailing/outbox.server.ts";
import { outboxWorker } from "#app/mailing/worker.server.ts";
import { mailTransportKind } from "#app/mailing/worker.server.ts";
import { readTable, type ImportError } from "#app/scoring/import.ts";
import type { BreadcrumbHandle } from "#app/components/breadcrumbs.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Đại biểu, giấy mời · ${data?.conference.title ?? ""}` },
];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => ({ label: "Đại biểu, giấy mời" }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "invitations.manage");
  const c = await invitationConference(access.conference.id);
  const attendees = await prisma.attendee.findMany({
    where: { conferenceId: c.id },
    orderBy: [{ createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      position: true,
      organizationName: true,
      email: true,
      token: true,
      rsvp: true,
      declineReason: true,
      revokedAt: true,
      groupId: true,
      bridgePoint: { select: { name: true } },
      substituteFor: { select: { name: true } },
      messages: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, kind: true, status: true, sentAt: true, lastError: true, attempts: true },
      },
    },
  });
  const groups = c.attendeeGroups.map((g, i) => ({ id: g.id, label: groupLabel(g, i) }));
  const counts = [...groups, { id: null, label: "Chưa phân nhóm" }]
    .map((g) => {
      const inGroup = attendees.filter((a) => a.groupId === g.id && !a.revokedAt);
      return {
        label: g.label,
        total: inGroup.length,
        accepted: inGroup.filter((a) => a.rsvp === "ACCEPTED").length,
        declined: inGroup.filter((a) => a.rsvp === "DECLINED").length,
        noAnswer: inGroup.filter((a) => a.rsvp === "NO_ANSWER").length,
      };
    })
    .filter((g) => g.total > 0);
  const now = new Date();
  const reason = cannotInviteReason(c);
  const workingDays = c.startsAt ? workingDaysBetween(now, c.startsAt) : null;
  return {
    conference: {
      id: c.id,
      title: c.title,
      status: c.status,
      when: c.startsAt ? formatDateTime(c.startsAt) : null,
      sequence: c.calendarSequence,
    },
    canEdit: access.can("invitations.manage"),
    cannotInvite: reason,
    lateWarning: !reason && workingDays !== null && workingDays < 3 && c.startsAt! > now ? workingDays : null,
    mailMode: mailTransportKind(),
    groups,
    bridgePoints: c.bridgePoints.map((b) => ({ id: b.id, name: b.name })),
    counts,
    attendees: attendees.map((a) => ({
      id: a.id,
      name: a.name,
      position: a.position,
      organization: a.organizationName,
      email: a.email,
      link: `/i/${a.token}`,
      rsvp: a.rsvp,
      rsvpLabel: RSVP_LABEL[a.rsvp],
      declineReason: a.declineReason,
      revoked: !!a.revokedAt,
      substituteFor: a.substituteFor?.name ?? null,
      group: groups.find((g) => g.id === a.groupId)?.label ?? "",
      site: a.bridgePoint?.name ?? "Hội trường",
      delivery: a.messages[0]
        ? {
            id: a.messages[0].id,
            status: a.messages[0].status,
            label: DELIVERY_LABEL[a.messages[0].status],
            error: a.messages[0].lastError,
            kind: a.messages[0].kind,
          }
        : null,
    })),
  };
}

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("send"), attachPdf: z.boolean().optional().default(false) }),
  z.object({
    intent: z.literal("update"),
    changeNote: z.string({ error: "Nêu nội dung thay đổi" }).trim().min(1, "Nêu nội dung thay đổi").max(1000),
  }),
  z.object({
    intent: z.literal("cancel"),
    confirm: z.boolean({ error: "Đánh dấu xác nhận hủy hội nghị" }).refine((v) => v, "Đánh dấu xác nhận hủy hội nghị"),
  }),
  z.object({ intent: z.literal("remind"), attendeeIds: z.array(z.string()).optional() }),
  z.object({ intent: z.literal("resend"), messageId: z.string().min(1) }),
  z.object({ intent: z.literal("members"), organizationId: z.string().min(1, "Chọn cơ quan") }),
]);

type Result =
  | { intent: string; ok: true; message: string }
  | { intent: string; ok: false; errors: string[]; fieldErrors?: Record<string, string[]>; rowErrors?: ImportError[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "invitations.manage");
  const user = access.user;
  const c = await invitationConference(access.conference.id);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const fail = (errors: string[], extra: Partial<Extract<Result, { ok: false }>> = {}) =>
    Response.json({ intent, ok: false, errors, ...extra } satisfies Result, { status: 400 });
  const done = (message: string) => ({ intent, ok: true, message }) satisfies Result;
  const existing = async () =>
    new Set(
      (await prisma.attendee.findMany({ where: { conferenceId: c.id }, select: { email: true } })).map((a) => a.email),
    );
  const validRefs = (v: { groupId?: string; bridgePointId?: string }) =>
    (!v.groupId || c.attendeeGroups.some((g) => g.id === v.groupId)) &&
    (!v.bridgePointId || c.bridgePoints.some((b) => b.id === v.bridgePointId));

  if (intent === "add") {
    const submission = parseWithZod(form, { schema: attendeeSchema });
    if (submission.status !== "success")
      return fail([], {
        fieldErrors: Object.fromEntries(Object.entries(submission.reply().error ?? {}).map(([k, v]) => [k, v ?? []])),
      });
    if (!validRefs(submission.value)) return fail(["Nhóm hoặc điểm cầu không thuộc hội nghị này"]);
    if ((await existing()).has(submission.value.email))
      return fail([], { fieldErrors: { email: ["Thư điện tử này đã có trong danh sách đại biểu"] } });
    await createAttendees(userActor(user), c.id, [submission.value], { kind: "form" });
    return done(`Đã thêm ${submission.value.name}.`);
  }
  if (intent === "import") {
    const file = await fileBytes(form.get("file"));
    if (!file) return fail(["Chọn tệp danh sách đại biểu (.xlsx hoặc .csv)"]);
    let table;
    try {
      table = await readTable({ fileName: file.name, data: file.data });
    } catch (error) {
      return fail([error instanceof Error ? error.message : "Không đọc được tệp"]);
    }
    const parsed = parseAttendees(table, {
      groups: c.attendeeGroups.map((g, i) => ({
        id: g.id,
        names: [groupLabel(g, i), g.heading, ...g.lines.map((l) => l.text.replace(/[;.]$/, ""))],
      })),
      bridgePoints: c.bridgePoints,
      existingEmails: await existing(),
    });
    if (!parsed.ok)
      return fail([`Tệp có ${parsed.errors.length} lỗi, chưa thêm đại biểu nào.`], { rowErrors: parsed.errors });
    await createAttendees(userActor(user), c.id, parsed.attendees, { kind: "file", fileName: file.name });
    return done(`Đã thêm ${parsed.attendees.length} đại biểu từ tệp.`);
  }

  const submission = parseWithZod(form, { schema: intentSchema });
  if (submission.status !== "success")
    return fail(Object.values(submission.reply().error ?? {}).flatMap((e) => e ?? []));
  const v = submission.value;
  if (v.intent === "members") {
    if (!user.visibleOrganizationIds.includes(v.organizationId)) return fail(["Cơ quan không thuộc phạm vi của bạn"]);
    const known = await existing();
    const members = await prisma.user.findMany({
      where: { organizationId: v.organizationId, active: true },
      select: { name: true, position: true, email: true, organization: { select: { name: true } } },
    });
    const fresh = members.filter((m) => !known.has(m.email));
    await createAttendees(
      userActor(user),
      c.id,
      fresh.map((m) => ({
        name: m.name,
        position: m.position ?? "",
        organizationName: m.organization.name,
        email: m.email,
        phone: "",
        groupId: undefined,
        bridgePointId: undefined,
      })),
      { kind: "members", organizationName: members[0]?.organization.name ?? "" },
    );
    return done(
      `Đã thêm ${fresh.length} người của cơ quan (${members.length - fresh.length} người đã có trong danh sách).`,
    );
  }
  if (v.intent === "resend") {
    if (!(await requeueMessage(userActor(user), v.messageId, c.id)))
      return fail(["Thư này đang chờ gửi hoặc không còn."]);
    outboxWorker().kick();
    return done("Đã đưa thư vào hàng đợi gửi lại.");
  }
  const reason = cannotInviteReason(c);
  if (reason && v.intent !== "cancel") return fail([reason]);
  if (v.intent === "send")
    return done(`Đã đưa ${await sendInvitations(userActor(user), c, v.attachPdf)} giấy mời vào hàng đợi gửi.`);
  if (v.intent === "update")
    return done(`Đã đưa ${await sendUpdate(userActor(user), c, v.changeNote)} thư báo thay đổi vào hàng đợi gửi.`);
  if (v.intent === "remind")
    return done(
      `Đã đưa ${await sendReminders(userActor(user), c, v.attendeeIds?.length ? v.attendeeIds : null)} thư nhắc vào hàng đợi gửi.`,
    );
  return done(`Đã hủy hội nghị; ${await sendCancellation(userActor(user), c)} thư báo hủy đang được gửi.`);
}

interface Progress {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
}

/** Polls delivery while messages are waiting, and refreshes the list when the queue empties. */
function DeliveryProgress({ conferenceId }: { conferenceId: string }) {
  const fetcher = useFetcher<Progress>();
  const revalidator = useRevalidator();
  const [wasBusy, setWasBusy] = useState(false);
  const p = fetcher.data;
  const busy = !!p && p.queued + p.sending > 0;
  useEffect(() => {
    if (fetcher.state === "idle" && !fetcher.data) fetcher.load(`/conferences/${conferenceId}/outbox.json`);
  }, [fetcher, conferenceId]);
  useEffect(() => {
    if (!busy) {
      if (wasBusy) {
        setWasBusy(false);
        revalidator.revalidate();
      }
      return;
    }
    setWasBusy(true);
    const t = setTimeout(() => fetcher.load(`/conferences/${conferenceId}/outbox.json`), 700);
    return () => clearTimeout(t);
  }, [busy, p, fetcher, conferenceId, wasBusy, revalidator]);
  if (!p) return null;
  const total = p.queued + p.sending + p.sent + p.failed;
  if (!total) return null;
  return (
    <div className="delivery" aria-live="polite">
      <label htmlFor="delivery-progress">
        Đã gửi {p.sent}/{total} thư{p.failed ? `, ${p.failed} lỗi` : ""}
        {busy ? " — đang gửi…" : ""}
      </label>
      <progress id="delivery-progress" max={total} value={p.sent + p.failed} />
    </div>
  );
}

export default function AttendeesPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const busy = navigation.state !== "idle";
  // Answers arrive from attendees at any time: refresh the counts every few seconds while the page is visible.
  useEffect(() => {
    const t = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle" && navigation.state === "idle")
        revalidator.revalidate();
    }, 5000);
    return () => clearInterval(t);
  }, [revalidator, navigation.state]);
  const r = result && !result.ok ? result : null;
  const c = data.conference;
  return (
    <div className="page">
      <div className="page-head">
        <h1>Đại biểu, giấy mời</h1>
        <span>
          <a href={`/conferences/${c.id}/attendance-report.pdf`} className="button">
            Báo cáo thành phần (PDF)
          </a>{" "}
          <Link to={`/conferences/${c.id}/outbox`} className="button">
            Hộp thư gửi đi
          </Link>
        </span>
      </div>
      <p className="muted">
        {c.title}
        {c.when ? ` · ${c.when}` : ""} · {data.attendees.filter((a) => !a.revoked).length} đại biểu
      </p>
      {data.mailMode === "folder" ? (
        <p className="hint">
          Chưa cấu hình máy chủ thư (SMTP_URL): thư được lưu trong “Hộp thư gửi đi” để xem và tải về.
        </p>
      ) : null}
      {result ? (
        result.ok ? (
          <p role="status" className="up">
            {result.message}
          </p>
        ) : result.errors.length ? (
          <div className="form-error" role="alert">
            {result.errors.join(" ")}
          </div>
        ) : null
      ) : null}
      {r?.rowErrors ? (
        <div className="form-error" role="alert">
          <ImportErrorsTable errors={r.rowErrors} />
        </div>
      ) : null}

      <div className="grid-2-wide">
        <section className="card">
          <h2>Trả lời theo nhóm</h2>
          {data.counts.length ? (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Nhóm</th>
                  <th scope="col" className="num">
                    Mời
                  </th>
                  <th scope="col" className="num">
                    Tham dự
                  </th>
                  <th scope="col" className="num">
                    Vắng
                  </th>
                  <th scope="col" className="num">
                    Chưa trả lời
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.counts.map((g) => (
                  <tr key={g.label}>
                    <td>{g.label}</td>
                    <td className="num">{g.total}</td>
                    <td className="num up">{g.accepted}</td>
                    <td className="num">{g.declined}</td>
                    <td className="num">{g.noAnswer}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">Chưa có đại biểu.</p>
          )}
        </section>
        {data.canEdit ? (
          <section className="card">
            <h2>Gửi giấy mời</h2>
            {data.cannotInvite ? (
              <p className="problems" role="status">
                {data.cannotInvite}
              </p>
            ) : (
              <>
                {data.lateWarning !== null ? (
                  <p className="problems" role="status">
                    Chỉ còn {data.lateWarning} ngày làm việc trước hội nghị: giấy mời nên được gửi trước ít nhất 03 ngày
                    làm việc.
                  </p>
                ) : null}
                <Form method="post">
                  <input type="hidden" name="intent" value="send" />
                  <label className="checkbox">
                    <input type="checkbox" name="attachPdf" /> Đính kèm giấy mời (PDF)
                  </label>{" "}
                  <button type="submit" className="primary" disabled={busy}>
                    Gửi giấy mời cho đại biểu chưa nhận
                  </button>
                </Form>
                <Form method="post" className="filters">
                  <input type="hidden" name="intent" value="remind" />
                  <button type="submit" disabled={busy}>
                    Nhắc đại biểu chưa trả lời
                  </button>
                </Form>
                <details>
                  <summary>Gửi thông báo thay đổi thời gian, địa điểm</summary>
                  <Form method="post">
                    <input type="hidden" name="intent" value="update" />
                    <div className="field">
                      <label htmlFor="changeNote">Nội dung thay đổi (sửa kế hoạch trước, rồi gửi thông báo)</label>
                      <textarea
                        id="changeNote"
                        name="changeNote"
                        rows={2}
                        placeholder="Ví dụ: Hội nghị chuyển sang 14 giờ 00 cùng ngày"
                      />
                    </div>
                    <button type="submit">Gửi thông báo thay đổi</button>
                  </Form>
                </details>
              </>
            )}
            <DeliveryProgress conferenceId={c.id} />
            {c.status !== "CANCELLED" ? (
              <details>
                <summary>Hủy hội nghị</summary>
                <Form method="post">
                  <input type="hidden" name="intent" value="cancel" />
                  <label className="checkbox">
                    <input type="checkbox" name="confirm" value="on" /> Tôi xác nhận hủy hội nghị và gửi thông báo hủy
                    lịch cho đại biểu đã được mời
                  </label>
                  <button type="submit" className="danger">
                    Hủy hội nghị
                  </button>
                </Form>
              </details>
            ) : null}
          </section>
        ) : null}
      </div>

      {data.canEdit ? (
        <section className="card">
          <h2>Thêm đại biểu</h2>
          <Form method="post" className="grid-4">
            <input type="hidden" name="intent" value="add" />
            {(
              [
                ["name", "Họ và tên", "text"],
                ["position", "Chức vụ", "text"],
                ["organizationName", "Cơ quan", "text"],
                ["email", "Thư điện tử", "email"],
                ["phone", "Điện thoại", "tel"],
              ] as const
            ).map(([name, label, type]) => (
              <div className={`field ${r?.fieldErrors?.[name] ? "has-error" : ""}`} key={name}>
                <label htmlFor={`add-${name}`}>{label}</label>
                <input
                  id={`add-${name}`}
                  name={name}
                  type={type}
                  aria-invalid={r?.fieldErrors?.[name] ? true : undefined}
                />
                {r?.fieldErrors?.[name] ? <p className="field-error">{r.fieldErrors[name]!.join(" ")}</p> : null}
              </div>
            ))}
            <div className="field">
              <label htmlFor="add-group">Nhóm thành phần</label>
              <select id="add-group" name="groupId">
                <option value="">— Chưa phân nhóm —</option>
                {data.groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="add-bridge">Nơi dự</label>
              <select id="add-bridge" name="bridgePointId">
                <option value="">Hội trường chính</option>
                {data.bridgePoints.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <button type="submit">Thêm đại biểu</button>
            </div>
          </Form>
          <Form method="post" encType="multipart/form-data" className="filters">
            <input type="hidden" name="intent" value="import" />
            <div className="field">
              <label htmlFor="attendee-file">Nhập danh sách từ tệp (.xlsx hoặc .csv)</label>
              <input id="attendee-file" name="file" type="file" accept=".xlsx,.csv" required />
              <p className="hint">
                Cột: Họ tên, Chức vụ, Cơ quan, Nhóm, Email, Điện thoại, Điểm cầu. Tệp có dòng lỗi thì không dòng nào
                được thêm.
              </p>
            </div>
            <button type="submit">Nhập danh sách</button>
          </Form>
        </section>
      ) : null}

      <section>
        <h2>Danh sách đại biểu</h2>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Đại biểu</th>
                <th scope="col">Nhóm</th>
                <th scope="col">Nơi dự</th>
                <th scope="col">Trả lời</th>
                <th scope="col">Gửi thư</th>
                <th scope="col">Đường dẫn cá nhân</th>
              </tr>
            </thead>
            <tbody>
              {data.attendees.map((a) => (
                <tr key={a.id} className={a.revoked ? "dissolved" : ""}>
                  <td>
                    <span className="strong">{a.name}</span>
                    <div className="muted small">
                      {[a.position, a.organization].filter(Boolean).join(", ")} · {a.email}
                      {a.substituteFor ? ` · thay ${a.substituteFor}` : ""}
                    </div>
                  </td>
                  <td>{a.group}</td>
                  <td>{a.site}</td>
                  <td>
                    <span className={`badge rsvp-${a.rsvp.toLowerCase()}`}>{a.rsvpLabel}</span>
                    {a.declineReason ? <div className="muted small">{a.declineReason}</div> : null}
                  </td>
                  <td>
                    {a.delivery ? (
                      <>
                        <span className={`badge delivery-${a.delivery.status.toLowerCase()}`}>{a.delivery.label}</span>
                        {a.delivery.error ? <div className="muted small">{a.delivery.error}</div> : null}
                        {data.canEdit && (a.delivery.status === "SENT" || a.delivery.status === "FAILED") ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="resend" />
                            <input type="hidden" name="messageId" value={a.delivery.id} />
                            <button
                              type="submit"
                              className="link-button small"
                              aria-label={`Gửi lại thư cho ${a.name}`}
                            >
                              Gửi lại
                            </button>
                          </Form>
                        ) : null}
                      </>
                    ) : (
                      <span className="muted">Chưa gửi</span>
                    )}
                  </td>
                  <td>
                    {a.revoked ? (
                      <span className="muted">Đã thu hồi</span>
                    ) : (
                      <a href={a.link}>{a.link.slice(0, 14)}…</a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
