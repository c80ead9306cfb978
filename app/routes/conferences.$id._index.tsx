import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireConference } from "#app/auth/guard.server.ts";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { PlanDocumentView } from "#app/components/plan-document-view.tsx";
import { StatusBadge } from "#app/ui/status-badge.tsx";
import { formatDate } from "#app/lib/vietnamese-date.ts";
import { buildPlanDocument } from "#app/plans/document.ts";
import { getConference, setConferenceStatus, toDocumentInput } from "#app/plans/plans.server.ts";
import { followedConclusionTasks } from "#app/conclusions/tasks.server.ts";
import { noticeAttendance } from "#app/conclusions/notice.server.ts";
import { scheduleSummary } from "#app/plans/schedule-summary.ts";
import { allowedTransitions, canTransition, isEditable } from "#app/plans/status.ts";
import {
  CONFERENCE_STATUSES,
  FORMAT_LABEL,
  PLAN_KIND_LABEL,
  STATUS_LABEL,
  TASK_STATUS_LABEL,
} from "#app/conferences/vocabulary.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Kế hoạch"} · Hội nghị CCHC` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.view");
  const c = await getConference(access.conference.id);
  const canEdit = access.can("conference.edit");
  const roll = await noticeAttendance(prisma, c.id);
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    kind: PLAN_KIND_LABEL[c.kind],
    format: c.kind === "CONFERENCE" ? FORMAT_LABEL[c.format] : null,
    organization: c.organization.name,
    schedule: scheduleSummary(c),
    venue: c.venue,
    canEdit: canEdit && isEditable(c.status),
    transitions: canEdit ? allowedTransitions(c.status) : [],
    customLayout: c.outline !== null,
    // Bridge points: organisers (and IT support, who reach them from “Điểm cầu”); check-in and roll call
    // also for check-in staff.
    canBridges: access.can("bridges.manage"),
    canCheckin: access.can("attendance.take"),
    // Invited and present in one pass of SQL (the conclusion notice's figures).
    attendeeCount: roll.invited,
    presentCount: roll.present,
    // Groups come back in no promised order, and ORDER BY an enum differs (PostgreSQL sorts by declaration,
    // SQLite by text): sort by name here so both databases give the same page.
    bridges: (
      await prisma.bridgePoint.groupBy({
        by: ["readiness"],
        where: { conferenceId: c.id },
        _count: { _all: true },
      })
    ).sort((a, b) => a.readiness.localeCompare(b.readiness)),
    tasks: c.taskAssignments.map((t) => ({
      id: t.id,
      assignee: t.organization?.name ?? t.assignee,
      due: t.dueDate ? formatDate(t.dueDate) : "—",
      overdue: !!t.dueDate && t.dueDate < new Date() && t.status !== "DONE" && t.status !== "CANCELLED",
      status: TASK_STATUS_LABEL[t.status],
    })),
    document: buildPlanDocument(toDocumentInput(c)),
    // issue 14: conclusion — the tasks the issued conclusion notice assigned, followed with the plan's.
    conclusion: await conclusionTasks(c.id, c.taskAssignments),
  };
}

async function conclusionTasks(conferenceId: string, planTasks: Array<{ id: string; assignee: string }>) {
  const notice = await followedConclusionTasks(conferenceId);
  if (!notice?.tasks.length) return null;
  return {
    number: `${notice.documentNumber ?? ""}/${notice.documentSymbol}`,
    tasks: notice.tasks.map((t) => ({
      id: t.id,
      assignee: t.assignee,
      due: t.dueDate ? formatDate(t.dueDate) : "—",
      overdue: !!t.dueDate && t.dueDate < new Date() && t.status !== "DONE" && t.status !== "CANCELLED",
      status: TASK_STATUS_LABEL[t.status],
      carries: planTasks.find((p) => p.id === t.planTaskId)?.assignee ?? null,
    })),
  };
}

const statusSchema = z.object({ status: z.enum(CONFERENCE_STATUSES) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, conference: c } = await requireConference(request, params.id, "conference.edit");
  const parsed = statusSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success || !canTransition(c.status, parsed.data.status)) {
    return reply({ error: "Không thể chuyển sang trạng thái này." }, 400);
  }
  await setConferenceStatus(user, c.id, parsed.data.status);
  return reply({ ok: true });
}

const TRANSITION_LABEL: Record<string, string> = {
  ISSUED: "Đánh dấu đã ban hành",
  INVITATIONS_SENT: "Đánh dấu đã gửi giấy mời",
  HELD: "Đánh dấu đã tổ chức",
  CLOSED: "Kết thúc",
  CANCELLED: "Hủy hội nghị",
};

export default function ConferencePage() {
  const data = useLoaderData<typeof loader>();
  const bridgeCount = (r: "PASSED" | "FAILED" | "UNTESTED") =>
    data.bridges.find((b) => b.readiness === r)?._count._all ?? 0;
  const bridgeTotal = data.bridges.reduce((n, b) => n + b._count._all, 0);
  const bridgeText = `${bridgeCount("PASSED")}/${bridgeTotal} đạt kết nối${bridgeCount("FAILED") ? `, ${bridgeCount("FAILED")} lỗi` : ""}`;
  const presentText = `${data.presentCount}/${data.attendeeCount} đại biểu`;
  return (
    <div className="page plan-page">
      <div className="plan-layout">
        <PlanDocumentView doc={data.document} />
        <aside className="plan-side" aria-label="Thông tin kế hoạch">
          <section className="card">
            <h2>Tình trạng</h2>
            <p>
              <StatusBadge status={data.status} />
            </p>
            <dl className="facts">
              <dt>Loại</dt>
              <dd>{data.kind}</dd>
              <dt>Cơ quan ban hành</dt>
              <dd>{data.organization}</dd>
              {data.format ? (
                <>
                  <dt>Hình thức</dt>
                  <dd>{data.format}</dd>
                </>
              ) : null}
              <dt>Thời gian</dt>
              <dd>{data.schedule}</dd>
              {bridgeTotal ? (
                <>
                  <dt>Điểm cầu</dt>
                  <dd>
                    {data.canBridges ? (
                      <Link to={`/conferences/${data.id}/bridges/readiness`}>{bridgeText}</Link>
                    ) : (
                      bridgeText
                    )}
                  </dd>
                </>
              ) : null}
              {data.presentCount ? (
                <>
                  <dt>Có mặt</dt>
                  <dd>
                    {data.canCheckin ? (
                      <Link to={`/conferences/${data.id}/attendance`}>{presentText}</Link>
                    ) : (
                      presentText
                    )}
                  </dd>
                </>
              ) : null}
              {data.venue ? (
                <>
                  <dt>Địa điểm</dt>
                  <dd>{data.venue}</dd>
                </>
              ) : null}
            </dl>
            {data.canEdit ? (
              <Link to={`/conferences/${data.id}/edit`} className="button primary">
                Sửa kế hoạch
              </Link>
            ) : null}{" "}
            {data.transitions.length ? (
              <Form method="post" className="transitions">
                {data.transitions.map((s) => (
                  <button key={s} type="submit" name="status" value={s} className={s === "CANCELLED" ? "danger" : ""}>
                    {TRANSITION_LABEL[s] ?? STATUS_LABEL[s]}
                  </button>
                ))}
              </Form>
            ) : null}
            <p>
              <a href={`/conferences/${data.id}/plan.pdf`}>Tải kế hoạch (PDF)</a> ·{" "}
              <a href={`/conferences/${data.id}/plan.docx`} aria-label="Tải bản Word (.docx) của kế hoạch">
                Tải bản Word (.docx)
              </a>
            </p>
            {data.customLayout ? <p className="hint">Văn bản giữ bố cục của bản gốc.</p> : null}
          </section>
          {data.tasks.length ? (
            <section className="card">
              <h2>Phân công thực hiện</h2>
              <ul className="task-list">
                {data.tasks.map((t) => (
                  <li key={t.id}>
                    <span className="strong">{t.assignee}</span>
                    <span className="muted small">
                      Hạn: {t.due} · {t.status}
                      {t.overdue ? <span className="badge status-cancelled"> Quá hạn</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {data.conclusion ? (
            <section className="card">
              <h2>Nhiệm vụ theo Thông báo kết luận</h2>
              <p className="muted small">
                Thông báo số {data.conclusion.number} ·{" "}
                <Link to={`/conferences/${data.id}/conclusion`}>Theo dõi, cập nhật</Link>
              </p>
              <ul className="task-list">
                {data.conclusion.tasks.map((t) => (
                  <li key={t.id}>
                    <span className="strong">{t.assignee}</span>
                    <span className="muted small">
                      Hạn: {t.due} · {t.status}
                      {t.carries ? ` · tiếp nối nhiệm vụ của ${t.carries}` : ""}
                      {t.overdue ? <span className="badge status-cancelled"> Quá hạn</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
