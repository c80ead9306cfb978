import { DELIVERY_LABEL } from "#app/conferences/vocabulary.ts";
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { userActor } from "#app/database/audit.server.ts";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { requireConference } from "#app/auth/guard.server.ts";
import { bridgeConference } from "#app/bridges/access.server.ts";
import { requestTestSchema, scheduleSchema } from "#app/bridges/bridge-form.ts";
import { readinessBoard, scheduleTest } from "#app/bridges/readiness.server.ts";
import { requestBridgeTests } from "#app/bridges/test-request.server.ts";
import { ReadinessBadge } from "#app/bridges/components.tsx";
import { formatMbps, formatMs, formatPercent } from "#app/bridges/verdict.ts";
import bridgesCss from "#app/bridges/bridges.css?url";
import { ColumnChart } from "#app/components/charts.tsx";
import { Field } from "#app/components/field.tsx";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { formatDateTime, toLocalInputValue } from "#app/lib/vietnamese-date.ts";
import { outboxWorker } from "#app/mailing/worker.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bridgesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Kết nối điểm cầu · ${data?.conference.title ?? ""}` },
];

// A district's dozen bridges refresh every 5 s; a nation-wide board (thousands of rows, megabytes) less often.
const refreshMs = (bridges: number) => (bridges <= 200 ? 5_000 : 30_000);

const ROWS_SHOWN = 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "bridges.support");
  const user = access.user;
  const c = await bridgeConference(access);
  const board = await readinessBoard(c.id);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const statusParam = url.searchParams.get("status") ?? "";
  const status = statusParam === "FAILED" || statusParam === "UNTESTED" || statusParam === "PASSED" ? statusParam : "";
  const folded = foldVietnamese(q);
  // Problems first already; a nation-wide board shows the first ROWS_SHOWN of what the filter keeps.
  const matching = board.bridges.filter(
    (b) =>
      (!status || b.readiness === status) &&
      (!folded || foldVietnamese(`${b.name} ${b.hostOrganization?.name ?? ""} ${b.contactName}`).includes(folded)),
  );
  return {
    filter: { q, status, matching: matching.length },
    conference: {
      id: c.id,
      title: c.title,
      when: c.startsAt ? formatDateTime(c.startsAt) : null,
      testAt: c.bridgeTestAt ? formatDateTime(c.bridgeTestAt) : null,
      testAtValue: toLocalInputValue(c.bridgeTestAt),
      testNote: c.bridgeTestNote,
      round: c.bridgeTestRound,
    },
    canManage: c.canManage,
    counts: board.counts,
    pendingWithEmail: board.bridges.filter((b) => b.readiness !== "PASSED" && b.contactEmail.trim()).length,
    bridges: matching.slice(0, ROWS_SHOWN).map((b) => ({
      id: b.id,
      name: b.name,
      isMain: b.isMain,
      host: b.hostOrganization?.name ?? "",
      readiness: b.readiness,
      contact: { name: b.contactName, phone: b.contactPhone, email: b.contactEmail },
      attendees: b.attendees,
      requestedAt: b.testRequestedAt ? formatDateTime(b.testRequestedAt) : null,
      last: b.last
        ? {
            when: formatDateTime(b.last.createdAt),
            latencyMs: b.last.latencyMs,
            jitterMs: b.last.jitterMs,
            lossPercent: b.last.lossPercent,
            downloadMbps: b.last.downloadMbps,
            uploadMbps: b.last.uploadMbps,
            notes: b.last.notes,
            operatorName: b.last.operatorName,
          }
        : null,
      gaps: b.gaps,
      message: b.message ? { status: b.message.status, error: b.message.lastError } : null,
    })),
  };
}

type ActionResult = { intent: "schedule" | "request"; result: SubmissionResult<string[]>; message?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  // Only organisers act here; IT support reads the board.
  const access = await requireConference(request, params.id, "bridges.manage");
  const user = access.user;
  const c = await bridgeConference(access);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "schedule") {
    const s = parseWithZod(form, { schema: scheduleSchema });
    if (s.status !== "success")
      return Response.json({ intent: "schedule", result: s.reply() } satisfies ActionResult, { status: 400 });
    await scheduleTest(userActor(user), c.id, s.value.bridgeTestAt, s.value.bridgeTestNote);
    return {
      intent: "schedule",
      result: s.reply(),
      message: `Đã đặt lịch kiểm tra kết nối: ${formatDateTime(s.value.bridgeTestAt)}.`,
    } satisfies ActionResult;
  }
  if (intent === "request") {
    const s = parseWithZod(form, { schema: requestTestSchema });
    if (s.status !== "success")
      return Response.json({ intent: "request", result: s.reply() } satisfies ActionResult, { status: 400 });
    const r = await requestBridgeTests(userActor(user), c.id, s.value.round);
    if (!r)
      return {
        intent: "request",
        result: s.reply(),
        message: "Đề nghị này đã được gửi; không gửi lại lần nữa.",
      } satisfies ActionResult;
    if (r.queued) outboxWorker().kick();
    const parts = [
      r.queued ? `Đã đưa ${r.queued} thư đề nghị kiểm tra vào hàng đợi gửi.` : "Không có điểm cầu nào cần gửi đề nghị.",
      r.withoutEmail.length ? `Chưa có thư điện tử liên hệ: ${r.withoutEmail.join(", ")}.` : "",
    ];
    return { intent: "request", result: s.reply(), message: parts.filter(Boolean).join(" ") } satisfies ActionResult;
  }
  throw new Response("Yêu cầu không hợp lệ.", { status: 400 });
}

function ScheduleForm({
  value,
  note,
  lastResult,
}: {
  value: string;
  note: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "bridge-test-schedule",
    lastResult,
    defaultValue: { bridgeTestAt: value, bridgeTestNote: note },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: scheduleSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="schedule" />
      <div className="grid-2">
        <Field label="Thời gian kiểm tra kết nối (giờ Việt Nam)" meta={fields.bridgeTestAt}>
          <input {...getInputProps(fields.bridgeTestAt, { type: "datetime-local" })} key={fields.bridgeTestAt.key} />
        </Field>
        <Field
          label="Ghi chú cho các điểm cầu"
          meta={fields.bridgeTestNote}
          hint="Ví dụ: Sở Thông tin và Truyền thông chủ trì, các điểm cầu vào phòng họp trước 15 phút."
        >
          <textarea {...getTextareaProps(fields.bridgeTestNote)} key={fields.bridgeTestNote.key} rows={2} />
        </Field>
      </div>
      <button type="submit">Lưu lịch kiểm tra</button>
    </Form>
  );
}

export default function ReadinessBoard() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const idle = navigation.state === "idle";
  // The board follows the bridges' confirmations without a reload.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle" && navigation.state === "idle")
        revalidator.revalidate();
    }, refreshMs(data.counts.total));
    return () => clearInterval(timer);
  }, [revalidator, navigation.state, data.counts.total]);
  const c = data.counts;
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to={`/conferences/${data.conference.id}`}>{data.conference.title}</Link> ›{" "}
        <Link to={`/conferences/${data.conference.id}/bridges`}>Điểm cầu</Link> › <span>Theo dõi kết nối</span>
      </nav>
      <h1>Theo dõi kết nối điểm cầu</h1>
      <p className="muted">
        {data.conference.when ? `Hội nghị: ${data.conference.when}. ` : ""}
        {data.conference.testAt
          ? `Kiểm tra kết nối chung: ${data.conference.testAt}.`
          : "Chưa đặt lịch kiểm tra kết nối chung."}{" "}
        Bảng tự cập nhật mỗi {refreshMs(data.counts.total) / 1000} giây.
      </p>
      {idle && actionData?.message ? (
        <p role="status" className="up">
          {actionData.message}
        </p>
      ) : null}
      <div className="board-top">
        <div className="kpis" role="group" aria-label="Tổng hợp" aria-live="polite">
          <div className="kpi kpi-failed" data-testid="count-failed">
            <div className="kpi-value">{c.FAILED}</div>
            <div className="kpi-label">Lỗi</div>
          </div>
          <div className="kpi" data-testid="count-untested">
            <div className="kpi-value">{c.UNTESTED}</div>
            <div className="kpi-label">Chưa kiểm tra</div>
          </div>
          <div className="kpi kpi-passed" data-testid="count-passed">
            <div className="kpi-value">{c.PASSED}</div>
            <div className="kpi-label">Đạt</div>
          </div>
          <div className="kpi" data-testid="count-requested">
            <div className="kpi-value">{c.requested}</div>
            <div className="kpi-label">Đã yêu cầu kiểm tra</div>
          </div>
        </div>
        <ColumnChart
          title={`Trạng thái ${c.total} điểm cầu`}
          columns={[
            { label: "Lỗi", value: c.FAILED, className: "bar-failed" },
            { label: "Chưa kiểm tra", value: c.UNTESTED, className: "bar-untested" },
            { label: "Đạt", value: c.PASSED, className: "bar-passed" },
          ]}
        />
      </div>
      {c.total > 10 ? (
        <Form method="get" className="filters" role="search">
          <div className="field">
            <label htmlFor="board-q">Tìm điểm cầu</label>
            <input id="board-q" name="q" type="search" defaultValue={data.filter.q} />
          </div>
          <div className="field">
            <label htmlFor="board-status">Kết nối</label>
            <select id="board-status" name="status" defaultValue={data.filter.status}>
              <option value="">Tất cả</option>
              <option value="FAILED">Lỗi</option>
              <option value="UNTESTED">Chưa kiểm tra</option>
              <option value="PASSED">Đạt</option>
            </select>
          </div>
          <div className="field">
            <button type="submit">Lọc</button>
          </div>
        </Form>
      ) : null}
      {data.filter.matching > data.bridges.length ? (
        <p className="muted small" role="status">
          {`Hiển thị ${data.bridges.length} điểm cầu đầu tiên (lỗi trước, rồi chưa kiểm tra) trong ${data.filter.matching}; lọc hoặc tìm để xem các điểm cầu khác.`}
        </p>
      ) : null}
      {data.bridges.length === 0 ? (
        <p className="empty">
          {c.total === 0 ? "Hội nghị chưa có điểm cầu nào." : "Không có điểm cầu nào khớp bộ lọc."}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table board">
            <caption className="visually-hidden">Điểm cầu, lỗi trước, rồi chưa kiểm tra, rồi đạt</caption>
            <thead>
              <tr>
                <th scope="col">Điểm cầu</th>
                <th scope="col">Kết nối</th>
                <th scope="col" className="num">
                  Độ trễ / dao động
                </th>
                <th scope="col" className="num">
                  Tải xuống / lên
                </th>
                <th scope="col">Thiết bị chưa đạt</th>
                <th scope="col">Kiểm tra gần nhất</th>
                <th scope="col">Liên hệ</th>
              </tr>
            </thead>
            <tbody>
              {data.bridges.map((b) => (
                <tr key={b.id} className={`board-row-${b.readiness.toLowerCase()}`} data-bridge={b.name}>
                  <td data-label="Điểm cầu" className="bridge-cell">
                    <span className="strong">{b.name}</span>{" "}
                    {b.isMain ? <span className="badge status-issued">Điểm cầu chính</span> : null}
                    {b.host ? <div className="muted small">{b.host}</div> : null}
                    <div className="small">
                      <Link to={`/conferences/${data.conference.id}/bridges/${b.id}`}>Lịch sử kiểm tra</Link>
                    </div>
                  </td>
                  <td data-label="Kết nối">
                    <ReadinessBadge readiness={b.readiness} />
                    {b.requestedAt ? <div className="muted small">Đã đề nghị: {b.requestedAt}</div> : null}
                    {b.message ? (
                      <div className="small">
                        Thư đề nghị:{" "}
                        <span className={`badge delivery-${b.message.status.toLowerCase()}`}>
                          {DELIVERY_LABEL[b.message.status]}
                        </span>
                        {b.message.status === "FAILED" && b.message.error ? (
                          <div className="down small">{b.message.error}</div>
                        ) : null}
                      </div>
                    ) : null}
                  </td>
                  <td data-label="Độ trễ / dao động" className="num">
                    {b.last ? (
                      <>
                        {formatMs(b.last.latencyMs)} / {formatMs(b.last.jitterMs)}
                        <div className="muted small">mất gói {formatPercent(b.last.lossPercent)}</div>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label="Tải xuống / lên" className="num">
                    {b.last ? `${formatMbps(b.last.downloadMbps)} / ${formatMbps(b.last.uploadMbps)}` : "—"}
                  </td>
                  <td data-label="Thiết bị chưa đạt">
                    {b.last ? b.gaps.length ? <span className="down">{b.gaps.join(", ")}</span> : "Không" : "—"}
                    {b.last?.notes ? <div className="muted small">{b.last.notes}</div> : null}
                  </td>
                  <td data-label="Kiểm tra gần nhất">
                    {b.last ? (
                      <>
                        {b.last.when}
                        {b.last.operatorName ? <div className="muted small">{b.last.operatorName}</div> : null}
                      </>
                    ) : (
                      "Chưa kiểm tra"
                    )}
                  </td>
                  <td data-label="Liên hệ">
                    {b.contact.name || <span className="muted">Chưa có người phụ trách</span>}
                    {b.contact.phone ? (
                      <div className="small">
                        <a href={`tel:${b.contact.phone.replace(/[^0-9+]/g, "")}`}>{b.contact.phone}</a>
                      </div>
                    ) : null}
                    {b.contact.email ? (
                      <div className="small">
                        <a href={`mailto:${b.contact.email}`}>{b.contact.email}</a>
                      </div>
                    ) : (
                      <div className="small down">Chưa có thư điện tử</div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.canManage ? (
        <div className="grid-2-wide" style={{ marginTop: "1rem" }}>
          <section className="card">
            <h2>Lịch kiểm tra kết nối chung</h2>
            <ScheduleForm
              value={data.conference.testAtValue}
              note={data.conference.testNote}
              lastResult={idle && actionData?.intent === "schedule" ? actionData.result : undefined}
            />
          </section>
          <section className="card">
            <h2>Đề nghị các điểm cầu kiểm tra</h2>
            <p className="small">
              Gửi thư tới người phụ trách kỹ thuật của {data.pendingWithEmail} điểm cầu chưa xác nhận đạt (có thư điện
              tử): thời gian hội nghị, lịch kiểm tra, đường dẫn trang của điểm cầu. Thư không chứa mật khẩu phòng họp.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="request" />
              <input type="hidden" name="round" value={data.conference.round} />
              <button type="submit" className="primary" disabled={!idle || data.pendingWithEmail === 0}>
                Gửi e-mail đề nghị kiểm tra
              </button>
            </Form>
            {data.conference.round ? <p className="hint">Đã gửi {data.conference.round} lượt đề nghị.</p> : null}
          </section>
        </div>
      ) : null}
    </div>
  );
}
