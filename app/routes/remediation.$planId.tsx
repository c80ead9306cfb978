import { ErrorMessage } from "#app/ui/field.tsx";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ACCEPTED_EVIDENCE, MAX_EVIDENCE_BYTES } from "#app/files/accepted-files.ts";
import { remediationAccess } from "#app/remediation/access.server.ts";
import { ACTION_STATUS_LABEL, ACTION_STATUSES, type RemediationOutcome } from "#app/remediation/forms.ts";
import { remediationPlanPage } from "#app/remediation/read.server.ts";
import { runRemediationIntent } from "#app/remediation/plans.server.ts";
import { isMultipart, readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { requireUser } from "#app/auth/session.server.ts";
import { formatPoints } from "#app/scoring/format.ts";
import { planLoop } from "#app/remediation/loop.server.ts";
import { ActionLoopLine, PlanLoopSection } from "#app/components/remediation/remediation-loop.tsx";
import loopCss from "#app/components/remediation/remediation-loop.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: loopCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.plan.title ?? "Kế hoạch khắc phục"} · Hội nghị CCHC` },
];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: (data) => [{ label: "Kế hoạch khắc phục", to: "/remediation" }, { label: data?.plan.unit ?? "Kế hoạch" }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await remediationAccess(user, params.planId, "remediation.view");
  const [page, loop] = await Promise.all([remediationPlanPage(access), planLoop(access)]);
  return { ...page, loop };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Access is settled before the body is read: an unrelated user gets 404 and a reader 403 for an
  // upload (the only multipart intent) without the server parsing their file. Each intent then
  // checks the capability it names in REMEDIATION_INTENTS, and its row-level owner rule.
  const multipart = isMultipart(request);
  const access = await remediationAccess(user, params.planId, multipart ? "remediation.update" : "remediation.view");
  const outcome = await runRemediationIntent(access, await readForm(request, MAX_EVIDENCE_BYTES));
  if (!outcome.ok) return reply(outcome, 400);
  if (outcome.intent === "delete-plan") return redirect("/remediation");
  return reply(outcome);
}

function errorsFor(result: RemediationOutcome | undefined, intent: string, target = "") {
  if (!result || result.ok || result.intent !== intent || result.target !== target) return null;
  return <ErrorMessage>{Object.values(result.fieldErrors).flat().join(" ")}</ErrorMessage>;
}

export default function RemediationPlanPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="page">
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
      <PlanLoopSection loop={data.loop} actions={data.actions} />
      <section>
        <h2>Nhiệm vụ khắc phục (tiêu chí bị mất điểm)</h2>
        {data.actions.map((a) => (
          <div key={a.id} id={`action-${a.id}`} className={`card ${a.overdue ? "overdue" : ""}`}>
            <h3>
              {a.code}. {a.title} <span className="down">(mất {formatPoints(a.pointsLost)} điểm)</span>{" "}
              {a.overdue ? <span className="badge status-cancelled">Quá hạn</span> : null}
            </h3>
            <p className="muted small">
              Chủ trì: {a.ownerOrganizationName ?? "chưa giao"} · Phụ trách: {a.ownerUserName ?? "chưa giao"} · Thời
              hạn: {a.deadlineText ?? "chưa đặt"} · {ACTION_STATUS_LABEL[a.status]} · {a.evidence.length} tài liệu kiểm
              chứng
            </p>
            {data.loop.state === "ok" ? (
              <ActionLoopLine outcome={data.loop.outcomes[a.id]} year={data.loop.nextRound.year} />
            ) : null}
            {a.editable ? (
              <Form method="post">
                <input type="hidden" name="intent" value="update-action" />
                <input type="hidden" name="actionId" value={a.id} />
                <div className="grid-4">
                  {data.manager ? (
                    <>
                      <div className="field">
                        <label htmlFor={`org-${a.id}`}>Đơn vị chủ trì</label>
                        <select
                          id={`org-${a.id}`}
                          name="ownerOrganizationId"
                          defaultValue={a.ownerOrganizationId ?? ""}
                        >
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
                        <select id={`user-${a.id}`} name="ownerUserId" defaultValue={a.ownerUserId ?? ""}>
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
                    </>
                  ) : null}
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
                  {/* One form per file so the delete button sits on the file's line (no extra CSS). */}
                  <Form method="post">
                    <a href={`/remediation/evidence/${e.id}`}>{e.fileName}</a>{" "}
                    <span className="muted small">({Math.ceil(e.size / 1024).toLocaleString("vi-VN")} KB)</span>
                    {a.editable ? (
                      <>
                        {" "}
                        <input type="hidden" name="intent" value="delete-evidence" />
                        <input type="hidden" name="fileId" value={e.id} />
                        <button type="submit" className="link-button" aria-label={`Xóa tài liệu ${e.fileName}`}>
                          Xóa
                        </button>
                      </>
                    ) : null}
                  </Form>
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
        {data.canReport ? (
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
        ) : null}
      </section>
      {data.manager ? (
        <section className="card">
          <h2>Thông tin kế hoạch</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="edit-plan" />
            <div className="field">
              <label htmlFor="title">Tên kế hoạch</label>
              <input id="title" name="title" defaultValue={data.plan.title} required maxLength={500} />
            </div>
            <div className="field">
              <label htmlFor="reportingPeriod">Kỳ báo cáo</label>
              <select id="reportingPeriod" name="reportingPeriod" defaultValue={data.plan.reportingPeriod}>
                <option value="MONTHLY">Hằng tháng</option>
                <option value="QUARTERLY">Hằng quý</option>
              </select>
            </div>
            <button type="submit">Lưu thông tin kế hoạch</button>
            {errorsFor(result, "edit-plan")}
          </Form>
          <details>
            <summary>Xóa kế hoạch này</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="delete-plan" />
              <p>
                Xóa kế hoạch cùng các nhiệm vụ, báo cáo tiến độ và tài liệu kiểm chứng của nó. Thao tác được ghi vào
                nhật ký thay đổi.
              </p>
              <p>
                <input id="delete-plan-confirm" type="checkbox" name="confirm" value="yes" required />{" "}
                <label htmlFor="delete-plan-confirm">Tôi xác nhận xóa kế hoạch này</label>
              </p>
              {errorsFor(result, "delete-plan")}
              <button type="submit" className="danger">
                Xóa kế hoạch khắc phục
              </button>
            </Form>
          </details>
        </section>
      ) : null}
    </div>
  );
}
