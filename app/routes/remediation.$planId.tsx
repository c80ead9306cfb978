import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ACCEPTED_EVIDENCE, checkEvidence, reportingPeriods } from "~/assessments/evidence.ts";
import { storeEvidence } from "~/assessments/evidence-store.server.ts";
import { canUpdateAction, planFor } from "~/assessments/remediation-access.server.ts";
import { ACTION_STATUS_LABEL, ACTION_STATUSES, remediationIntentSchema } from "~/assessments/remediation-forms.ts";
import { fileBytes, readUpload } from "~/assessments/upload.server.ts";
import { requireUser } from "~/auth/session.server.ts";
import { prisma } from "~/db.server.ts";
import { formatDate, fromLocalDateValue, toLocalDateValue } from "~/lib/vietnamese-date.ts";
import { organizationScope } from "~/organizations/scope.server.ts";
import { formatPoints } from "~/scoring/format.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.plan.title ?? "Kế hoạch khắc phục"} · Hội nghị CCHC` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { plan, manager } = await planFor(user, params.planId ?? "");
  const unitScope = await organizationScope(plan.roundUnit.organizationId, true);
  const [actions, reports, organizations, people] = await Promise.all([
    prisma.remediationAction.findMany({
      where: { planId: plan.id },
      orderBy: { position: "asc" },
      select: {
        id: true,
        code: true,
        title: true,
        pointsLost: true,
        ownerOrganizationId: true,
        ownerUserId: true,
        solution: true,
        deadline: true,
        status: true,
        evidence: { select: { id: true, fileName: true, size: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      },
    }),
    prisma.progressReport.findMany({ where: { planId: plan.id }, orderBy: { period: "asc" }, select: { id: true, period: true, content: true, createdAt: true } }),
    prisma.organization.findMany({ where: { id: { in: unitScope } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.user.findMany({ where: { organizationId: { in: unitScope }, active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, position: true } }),
  ]);
  const now = new Date();
  const periods = reportingPeriods(plan.reportingPeriod, plan.roundUnit.round.year + 1);
  return {
    plan: { id: plan.id, title: plan.title, reportingPeriod: plan.reportingPeriod, unit: plan.roundUnit.organization.name, round: plan.roundUnit.round },
    manager,
    actions: actions.map((a) => ({
      ...a,
      deadlineText: a.deadline ? formatDate(a.deadline) : null,
      deadlineValue: toLocalDateValue(a.deadline),
      overdue: !!a.deadline && a.deadline < now && a.status !== "DONE",
      editable: canUpdateAction(user, manager, a),
    })),
    counts: {
      total: actions.length,
      done: actions.filter((a) => a.status === "DONE").length,
      overdue: actions.filter((a) => a.deadline && a.deadline < now && a.status !== "DONE").length,
    },
    reports: reports.map((r) => ({ ...r, label: periods.find((p) => p.value === r.period)?.label ?? r.period })),
    periods,
    organizations,
    people,
  };
}

type Result = { intent: string; target?: string; errors: string[] } | { ok: true; intent: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { plan, manager } = await planFor(user, params.planId ?? "");
  const multipart = request.headers.get("Content-Type")?.startsWith("multipart/form-data");
  const form = multipart ? await readUpload(request) : await request.formData();

  if (form.get("intent") === "upload-evidence") {
    const actionId = String(form.get("actionId") ?? "");
    const target = await prisma.remediationAction.findFirst({ where: { id: actionId, planId: plan.id }, select: { id: true, ownerOrganizationId: true, ownerUserId: true } });
    if (!target) throw new Response("Không tìm thấy nhiệm vụ khắc phục.", { status: 404 });
    if (!canUpdateAction(user, manager, target)) throw new Response("Chỉ đơn vị, người được giao mới cập nhật được nhiệm vụ này.", { status: 403 });
    const file = await fileBytes(form.get("file"));
    if (!file) return Response.json({ intent: "upload-evidence", target: actionId, errors: ["Chọn tệp tài liệu kiểm chứng"] } satisfies Result, { status: 400 });
    const checked = checkEvidence(file.name, file.data);
    if (!checked.ok) return Response.json({ intent: "upload-evidence", target: actionId, errors: [checked.error] } satisfies Result, { status: 400 });
    const storagePath = await storeEvidence(file.data, file.name);
    await prisma.evidenceFile.create({
      data: { actionId, fileName: file.name.slice(0, 200), mimeType: checked.mime, size: file.data.length, storagePath, uploadedById: user.id },
    });
    return { ok: true, intent: "upload-evidence" } satisfies Result;
  }

  const submission = parseWithZod(form, { schema: remediationIntentSchema });
  if (submission.status !== "success") {
    const errors = Object.values(submission.reply().error ?? {}).flatMap((e) => e ?? []);
    return Response.json({ intent: String(form.get("intent")), target: String(form.get("actionId") ?? ""), errors } satisfies Result, { status: 400 });
  }
  const v = submission.value;
  if (v.intent === "update-action") {
    const target = await prisma.remediationAction.findFirst({ where: { id: v.actionId, planId: plan.id }, select: { ownerOrganizationId: true, ownerUserId: true } });
    if (!target) throw new Response("Không tìm thấy nhiệm vụ khắc phục.", { status: 404 });
    if (!canUpdateAction(user, manager, target)) throw new Response("Chỉ đơn vị, người được giao mới cập nhật được nhiệm vụ này.", { status: 403 });
    const scope = await organizationScope(plan.roundUnit.organizationId, true);
    if (v.ownerOrganizationId && !scope.includes(v.ownerOrganizationId)) {
      return Response.json({ intent: v.intent, target: v.actionId, errors: ["Đơn vị chủ trì phải thuộc đơn vị được đánh giá"] } satisfies Result, { status: 400 });
    }
    await prisma.remediationAction.update({
      where: { id: v.actionId },
      data: {
        // Only managers reassign; owners update the work itself.
        ...(manager ? { ownerOrganizationId: v.ownerOrganizationId || null, ownerUserId: v.ownerUserId || null } : {}),
        solution: v.solution,
        deadline: v.deadline ? fromLocalDateValue(v.deadline) : null,
        status: v.status,
      },
    });
  } else if (v.intent === "report") {
    await prisma.progressReport.upsert({
      where: { planId_period: { planId: plan.id, period: v.period } },
      create: { planId: plan.id, period: v.period, content: v.content, createdById: user.id },
      update: { content: v.content, createdById: user.id },
    });
  } else {
    if (!manager) throw new Response("Chỉ cơ quan quản lý đổi được kỳ báo cáo.", { status: 403 });
    await prisma.remediationPlan.update({ where: { id: plan.id }, data: { reportingPeriod: v.reportingPeriod } });
  }
  return { ok: true, intent: v.intent } satisfies Result;
}

function errorsFor(result: Result | undefined, intent: string, target = "") {
  if (!result || "ok" in result || result.intent !== intent || (result.target ?? "") !== target) return null;
  return (
    <p className="field-error" role="alert">
      {result.errors.join(" ")}
    </p>
  );
}

export default function RemediationPlanPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const navigation = useNavigation();
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/remediation">Kế hoạch khắc phục</Link> › <span>{data.plan.unit}</span>
      </nav>
      <h1>{data.plan.title}</h1>
      <p className="muted">
        Theo kết quả <Link to={`/scoring/rounds/${data.plan.round.id}`}>{data.plan.round.title}</Link>
      </p>
      <div className="kpis">
        <div className="kpi">
          <div className="kpi-value">
            {data.counts.done}/{data.counts.total}
          </div>
          <div className="kpi-label">nhiệm vụ đã hoàn thành</div>
        </div>
        <div className="kpi">
          <div className={`kpi-value ${data.counts.overdue ? "down" : ""}`}>{data.counts.overdue}</div>
          <div className="kpi-label">quá hạn</div>
        </div>
      </div>
      <section>
        <h2>Nhiệm vụ khắc phục (tiêu chí bị mất điểm)</h2>
        {data.actions.map((a) => (
          <div key={a.id} className={`card ${a.overdue ? "overdue" : ""}`}>
            <h3>
              {a.code}. {a.title} <span className="down">(mất {formatPoints(a.pointsLost)} điểm)</span>{" "}
              {a.overdue ? <span className="badge status-cancelled">Quá hạn</span> : null}
            </h3>
            <p className="muted small">
              Thời hạn: {a.deadlineText ?? "chưa đặt"} · {ACTION_STATUS_LABEL[a.status]} · {a.evidence.length} tài liệu kiểm chứng
            </p>
            {a.editable ? (
              <Form method="post">
                <input type="hidden" name="intent" value="update-action" />
                <input type="hidden" name="actionId" value={a.id} />
                <div className="grid-4">
                  <div className="field">
                    <label htmlFor={`org-${a.id}`}>Đơn vị chủ trì</label>
                    <select id={`org-${a.id}`} name="ownerOrganizationId" defaultValue={a.ownerOrganizationId ?? ""} disabled={!data.manager}>
                      <option value="">— Chưa giao —</option>
                      {data.organizations.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`user-${a.id}`}>Người phụ trách</label>
                    <select id={`user-${a.id}`} name="ownerUserId" defaultValue={a.ownerUserId ?? ""} disabled={!data.manager}>
                      <option value="">— Chưa giao —</option>
                      {data.people.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                          {p.position ? ` (${p.position})` : ""}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`deadline-${a.id}`}>Thời hạn</label>
                    <input id={`deadline-${a.id}`} name="deadline" type="date" defaultValue={a.deadlineValue} />
                  </div>
                  <div className="field">
                    <label htmlFor={`status-${a.id}`}>Trạng thái</label>
                    <select id={`status-${a.id}`} name="status" defaultValue={a.status}>
                      {ACTION_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {ACTION_STATUS_LABEL[s]}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                <div className="field">
                  <label htmlFor={`solution-${a.id}`}>Giải pháp khắc phục</label>
                  <textarea id={`solution-${a.id}`} name="solution" rows={2} defaultValue={a.solution} />
                </div>
                <button type="submit">Lưu nhiệm vụ {a.code}</button>
                {errorsFor(result, "update-action", a.id)}
              </Form>
            ) : (
              <p>{a.solution || <span className="muted">Chưa có giải pháp.</span>}</p>
            )}
            <h4>Tài liệu kiểm chứng</h4>
            <ul>
              {a.evidence.map((e) => (
                <li key={e.id}>
                  <a href={`/remediation/evidence/${e.id}`}>{e.fileName}</a> <span className="muted small">({Math.ceil(e.size / 1024).toLocaleString("vi-VN")} KB)</span>
                </li>
              ))}
            </ul>
            {a.editable ? (
              <Form method="post" encType="multipart/form-data" className="filters">
                <input type="hidden" name="intent" value="upload-evidence" />
                <input type="hidden" name="actionId" value={a.id} />
                <div className="field">
                  <label htmlFor={`file-${a.id}`}>Thêm tài liệu (PDF, Word, Excel, ảnh; tối đa 10 MB)</label>
                  <input id={`file-${a.id}`} name="file" type="file" accept={ACCEPTED_EVIDENCE} required />
                </div>
                <button type="submit" disabled={navigation.state !== "idle"}>
                  Tải lên
                </button>
                {errorsFor(result, "upload-evidence", a.id)}
              </Form>
            ) : null}
          </div>
        ))}
      </section>
      <section className="card">
        <h2>Báo cáo tiến độ ({data.plan.reportingPeriod === "MONTHLY" ? "hằng tháng" : "hằng quý"})</h2>
        {data.manager ? (
          <Form method="post" className="filters">
            <input type="hidden" name="intent" value="period" />
            <div className="field">
              <label htmlFor="reportingPeriod">Kỳ báo cáo</label>
              <select id="reportingPeriod" name="reportingPeriod" defaultValue={data.plan.reportingPeriod}>
                <option value="MONTHLY">Hằng tháng</option>
                <option value="QUARTERLY">Hằng quý</option>
              </select>
            </div>
            <button type="submit">Đổi kỳ báo cáo</button>
          </Form>
        ) : null}
        {data.reports.length ? (
          <ul>
            {data.reports.map((r) => (
              <li key={r.id}>
                <strong>{r.label}:</strong> {r.content}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Chưa có báo cáo.</p>
        )}
        <Form method="post">
          <input type="hidden" name="intent" value="report" />
          <div className="grid-4">
            <div className="field">
              <label htmlFor="period">Kỳ</label>
              <select id="period" name="period">
                {data.periods.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="content">Kết quả thực hiện trong kỳ</label>
            <textarea id="content" name="content" rows={3} />
          </div>
          <button type="submit">Gửi báo cáo</button>
          {errorsFor(result, "report")}
        </Form>
      </section>
    </div>
  );
}
