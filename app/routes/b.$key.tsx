import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { bridgeActor } from "#app/audit/actors.server.ts";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { getUser } from "#app/auth/session.server.ts";
import { bridgeIdForLink, bridgeLinkNotFound, mayOperate } from "#app/bridges/access.server.ts";
import { operatorPageMeta } from "#app/bridges/operator-meta.ts";
import { connectivityTestSchema } from "#app/bridges/bridge-form.ts";
import { recordTest, testHistory } from "#app/bridges/readiness.server.ts";
import { ReadinessBadge, TestHistoryTable } from "#app/bridges/components.tsx";
import { runConnectivityTest, STEP_LABEL, type Step } from "#app/bridges/connectivity-client.ts";
import {
  CHECKLIST,
  formatMbps,
  formatMs,
  formatPercent,
  LIMITS,
  problems,
  suggestedResult,
  type Checklist,
  type Figures,
} from "#app/bridges/verdict.ts";
import bridgesCss from "#app/bridges/bridges.css?url";
import { Field } from "#app/components/field.tsx";
import { prisma } from "#app/db.server.ts";
import { meetingName } from "#app/conferences/naming.ts";
import { formatDateTime, formatTime } from "#app/lib/vietnamese-date.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bridgesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  operatorPageMeta(`${data?.bridge.name ?? "Điểm cầu"} · Kiểm tra kết nối`);

async function bridgeForKey(key: string | undefined) {
  const id = await bridgeIdForLink(key);
  const b = await prisma.bridgePoint.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      address: true,
      room: true,
      isMain: true,
      videoLink: true,
      videoPasscode: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      readiness: true,
      readinessAt: true,
      hostOrganizationId: true,
      hostOrganization: { select: { name: true } },
      conference: {
        select: {
          organizationId: true,
          title: true,
          status: true,
          startsAt: true,
          endsAt: true,
          venue: true,
          bridgeTestAt: true,
          bridgeTestNote: true,
          contactName: true,
          contactPhone: true,
          contactEmail: true,
          organization: { select: { name: true } },
        },
      },
    },
  });
  if (!b) bridgeLinkNotFound();
  return b;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const b = await bridgeForKey(params.key);
  const user = await getUser(request);
  const c = b.conference;
  const history = await testHistory(b.id, 20);
  return {
    key: params.key!,
    signedInAs: user && (await mayOperate(user, b)) ? user.name : null,
    conference: {
      title: meetingName(c.title),
      organizer: c.organization.name,
      cancelled: c.status === "CANCELLED",
      when: c.startsAt
        ? `${formatDateTime(c.startsAt)}${c.endsAt ? ` – ${formatTime(c.endsAt)}` : ""}`
        : "Thời gian sẽ được thông báo sau",
      mainHall: c.venue,
      testAt: c.bridgeTestAt ? formatDateTime(c.bridgeTestAt) : null,
      testNote: c.bridgeTestNote,
      contact: [c.contactName, c.contactPhone, c.contactEmail].filter(Boolean).join(" · "),
    },
    bridge: {
      name: b.name,
      host: b.hostOrganization?.name ?? "",
      place: [b.room, b.address].filter(Boolean).join(", "),
      isMain: b.isMain,
      videoLink: b.videoLink,
      videoPasscode: b.videoPasscode,
      contact: [b.contactName, b.contactPhone, b.contactEmail].filter(Boolean).join(" · "),
      readiness: b.readiness,
      readinessAt: b.readinessAt ? formatDateTime(b.readinessAt) : null,
    },
    history: history.map(({ createdAt, ...t }) => ({ ...t, when: formatDateTime(createdAt) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const b = await bridgeForKey(params.key);
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: connectivityTestSchema });
  if (submission.status !== "success")
    return Response.json({ saved: false, result: submission.reply() } satisfies ActionResult, { status: 400 });
  const user = await getUser(request);
  const operator = user && (await mayOperate(user, b)) ? user : null;
  await recordTest(bridgeActor(b, request, operator), b.id, submission.value, {
    userId: operator?.id ?? null,
    userAgent: request.headers.get("User-Agent") ?? "",
  });
  return {
    saved: true,
    verdict: submission.value.result,
    savedAt: Date.now(),
    result: submission.reply({ resetForm: true }),
  } satisfies ActionResult;
}

type ActionResult =
  | { saved: false; result: SubmissionResult<string[]> }
  | { saved: true; verdict: "PASSED" | "FAILED"; savedAt: number; result: SubmissionResult<string[]> };

type StepState = "waiting" | "running" | "done";
const STEPS: Step[] = ["latency", "download", "upload"];

function FigureBox({ label, value, bad }: { label: string; value: string; bad: boolean }) {
  return (
    <div className={`figure ${bad ? "bad" : ""}`}>
      <div className="figure-value">{value}</div>
      <div className="figure-label">{label}</div>
    </div>
  );
}

export default function OperatorPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const navigation = useNavigation();
  const [figures, setFigures] = useState<Figures | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ fraction: number; step: Step | null; message: string }>({
    fraction: 0,
    step: null,
    message: "",
  });
  const [testError, setTestError] = useState<string | null>(null);
  const [checklist, setChecklist] = useState<Checklist>({
    camera: false,
    microphone: false,
    screen: false,
    sound: false,
    backupConnection: false,
  });
  const [verdict, setVerdict] = useState<"PASSED" | "FAILED" | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [form, fields] = useForm({
    id: "connectivity-test",
    defaultValue: { operatorName: data.signedInAs ?? "" },
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: connectivityTestSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const savedVerdict = actionData?.saved ? actionData.verdict : null;
  // After a save the form starts over for the next test.
  useEffect(() => {
    if (savedVerdict && navigation.state === "idle") {
      setFigures(null);
      setVerdict(null);
      setChecklist({ camera: false, microphone: false, screen: false, sound: false, backupConnection: false });
      setProgress({ fraction: 0, step: null, message: "" });
    }
  }, [savedVerdict, navigation.state, actionData]);
  useEffect(() => () => abortRef.current?.abort(), []);

  const start = async () => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setRunning(true);
    setTestError(null);
    setFigures(null);
    setProgress({ fraction: 0, step: "latency", message: "Bắt đầu kiểm tra…" });
    try {
      const f = await runConnectivityTest({
        query: `k=${encodeURIComponent(data.key)}`,
        signal: controller.signal,
        onProgress: (p) => setProgress({ fraction: p.fraction, step: p.step, message: p.message }),
      });
      setFigures(f);
      setProgress({
        fraction: 1,
        step: null,
        message: "Đã đo xong đường truyền. Hãy kiểm tra thiết bị và chọn kết luận.",
      });
    } catch {
      if (!controller.signal.aborted)
        setTestError(
          "Không đo được đường truyền (mất kết nối tới máy chủ). Hãy kiểm tra mạng rồi chạy lại; nếu vẫn lỗi, chọn kết luận “Lỗi”.",
        );
      setProgress({ fraction: 0, step: null, message: "" });
    } finally {
      setRunning(false);
    }
  };

  const reasons = problems(figures, checklist);
  const suggested = suggestedResult(figures, checklist);
  // Nothing is preselected before the test has run: the verdict follows the figures unless the operator chooses.
  const chosen = verdict ?? (figures ? suggested : null);
  const stepState = (s: Step): StepState => {
    if (!running && figures) return "done";
    if (!progress.step) return "waiting";
    const at = STEPS.indexOf(progress.step);
    const i = STEPS.indexOf(s);
    return i < at ? "done" : i === at ? "running" : "waiting";
  };

  return (
    <div className="operator">
      <p className="muted small">{data.conference.organizer}</p>
      <h1>{data.conference.title}</h1>
      {data.conference.cancelled ? (
        <p className="form-error" role="alert">
          Hội nghị đã hủy.
        </p>
      ) : null}
      <section className="card" aria-labelledby="bridge-head">
        <h2 id="bridge-head">
          {data.bridge.name} <ReadinessBadge readiness={data.bridge.readiness} />
        </h2>
        <dl className="facts">
          <dt>Thời gian hội nghị</dt>
          <dd>{data.conference.when}</dd>
          {data.bridge.host ? (
            <>
              <dt>Đơn vị chủ trì điểm cầu</dt>
              <dd>{data.bridge.host}</dd>
            </>
          ) : null}
          {data.bridge.place ? (
            <>
              <dt>Phòng họp</dt>
              <dd>{data.bridge.place}</dd>
            </>
          ) : null}
          <dt>Đường dẫn họp trực tuyến</dt>
          <dd>
            {data.bridge.videoLink ? (
              <a href={data.bridge.videoLink} target="_blank" rel="noreferrer noopener">
                {data.bridge.videoLink}
              </a>
            ) : (
              <span className="muted">Cơ quan tổ chức chưa nhập</span>
            )}
          </dd>
          <dt>Mật khẩu phòng họp</dt>
          <dd>
            {data.bridge.videoPasscode ? (
              <span className="passcode">{data.bridge.videoPasscode}</span>
            ) : (
              <span className="muted">Không có</span>
            )}
          </dd>
          {data.bridge.contact ? (
            <>
              <dt>Phụ trách kỹ thuật</dt>
              <dd>{data.bridge.contact}</dd>
            </>
          ) : null}
          <dt>Buổi kiểm tra kết nối</dt>
          <dd>
            {data.conference.testAt ?? <span className="muted">Chưa có lịch</span>}
            {data.conference.testNote ? <div className="small">{data.conference.testNote}</div> : null}
          </dd>
          {data.conference.contact ? (
            <>
              <dt>Liên hệ cơ quan tổ chức</dt>
              <dd>{data.conference.contact}</dd>
            </>
          ) : null}
          {data.bridge.readinessAt ? (
            <>
              <dt>Xác nhận gần nhất</dt>
              <dd>{data.bridge.readinessAt}</dd>
            </>
          ) : null}
        </dl>
        <p className="hint">Mật khẩu chỉ dành cho điểm cầu này; không chuyển trang này cho người ngoài.</p>
        <p>
          <Link to={`/b/${data.key}/diem-danh`} className="button">
            Điểm danh đại biểu tại điểm cầu
          </Link>
        </p>
      </section>

      {savedVerdict ? (
        <p role="status" className={savedVerdict === "PASSED" ? "rsvp-done" : "problems"}>
          Đã lưu kết quả kiểm tra: {savedVerdict === "PASSED" ? "đạt" : "lỗi"}. Cơ quan tổ chức đã thấy kết quả trên
          bảng theo dõi.
        </p>
      ) : null}

      <section className="card" aria-labelledby="test-head">
        <h2 id="test-head">1. Kiểm tra đường truyền</h2>
        <p className="small muted">
          Chạy trên máy tính dùng cho hội nghị, tại phòng họp. Mất khoảng 10 giây. Ngưỡng đạt: độ trễ không quá{" "}
          {LIMITS.latencyMs} ms, mất gói không quá {LIMITS.lossPercent} %, tải xuống từ {LIMITS.downloadMbps} Mbps, tải
          lên từ {LIMITS.uploadMbps} Mbps.
        </p>
        <div className="actions-row">
          <button type="button" className="primary" onClick={start} disabled={running}>
            {running ? "Đang kiểm tra…" : figures ? "Kiểm tra lại" : "Bắt đầu kiểm tra"}
          </button>
        </div>
        <label htmlFor="test-progress" className="visually-hidden">
          Tiến độ kiểm tra
        </label>
        <progress
          id="test-progress"
          className="test-progress"
          max={100}
          value={Math.round(progress.fraction * 100)}
          hidden={!running && !figures}
        />
        <ol className="test-steps" aria-label="Các bước kiểm tra">
          {STEPS.map((s) => (
            <li key={s} data-state={stepState(s)}>
              {STEP_LABEL[s]}
              <span className="visually-hidden">
                {stepState(s) === "done" ? " (xong)" : stepState(s) === "running" ? " (đang chạy)" : " (chờ)"}
              </span>
            </li>
          ))}
        </ol>
        <p aria-live="polite" className="small" role="status">
          {progress.message}
        </p>
        {testError ? (
          <p className="form-error" role="alert">
            {testError}
          </p>
        ) : null}
        {figures ? (
          <div className="figures" aria-label="Kết quả đo">
            <FigureBox
              label="Độ trễ trung bình"
              value={formatMs(figures.latencyMs)}
              bad={figures.latencyMs > LIMITS.latencyMs}
            />
            <FigureBox label="Độ dao động (jitter)" value={formatMs(figures.jitterMs)} bad={false} />
            <FigureBox
              label="Mất gói"
              value={formatPercent(figures.lossPercent)}
              bad={figures.lossPercent > LIMITS.lossPercent}
            />
            <FigureBox
              label="Tải xuống"
              value={formatMbps(figures.downloadMbps)}
              bad={figures.downloadMbps < LIMITS.downloadMbps}
            />
            <FigureBox
              label="Tải lên"
              value={formatMbps(figures.uploadMbps)}
              bad={figures.uploadMbps < LIMITS.uploadMbps}
            />
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="confirm-head">
        <h2 id="confirm-head">2. Thiết bị và kết luận</h2>
        {/* A fresh form after each save: the checkboxes and verdict start over for the next test. */}
        <Form method="post" {...getFormProps(form)} key={actionData?.saved ? actionData.savedAt : 0}>
          {form.errors ? (
            <p className="form-error" role="alert" id={form.errorId}>
              {form.errors.join(" ")}
            </p>
          ) : null}
          {(["latencyMs", "jitterMs", "lossPercent", "downloadMbps", "uploadMbps"] as const).map((k) => (
            <input key={k} type="hidden" name={k} value={figures ? String(Math.round(figures[k] * 100) / 100) : ""} />
          ))}
          {!figures && (fields.latencyMs.errors || fields.downloadMbps.errors) ? (
            <p className="form-error" role="alert">
              Chưa có số liệu đo: hãy bấm “Bắt đầu kiểm tra” ở bước 1 trước khi lưu.
            </p>
          ) : null}
          <fieldset className="checklist">
            <legend>Thiết bị tại điểm cầu (đánh dấu mục đã kiểm tra đạt)</legend>
            {CHECKLIST.map(([k, label]) => (
              <label key={k}>
                <input
                  type="checkbox"
                  name={k}
                  checked={checklist[k]}
                  onChange={(e) => setChecklist({ ...checklist, [k]: e.currentTarget.checked })}
                />
                <span>{label}</span>
              </label>
            ))}
          </fieldset>
          <Field label="Họ tên người kiểm tra" meta={fields.operatorName}>
            <input
              {...getInputProps(fields.operatorName, { type: "text" })}
              key={fields.operatorName.key}
              autoComplete="name"
            />
          </Field>
          <Field label="Ghi chú (sự cố, việc cần khắc phục)" meta={fields.notes}>
            <textarea {...getTextareaProps(fields.notes)} key={fields.notes.key} rows={3} />
          </Field>
          {figures ? (
            <div className={`suggestion ${reasons.length ? "problems" : "rsvp-done"}`}>
              {reasons.length ? (
                <>
                  Đề xuất kết luận <strong>lỗi</strong>:
                  <ul>
                    {reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <>
                  Đề xuất kết luận <strong>đạt</strong>: số liệu trong ngưỡng và đủ thiết bị.
                </>
              )}
            </div>
          ) : null}
          <fieldset className="verdict">
            <legend>Kết luận</legend>
            <label>
              <input
                type="radio"
                name="result"
                value="PASSED"
                checked={chosen === "PASSED"}
                onChange={() => setVerdict("PASSED")}
              />
              <span>Đạt: sẵn sàng kết nối</span>
            </label>
            <label>
              <input
                type="radio"
                name="result"
                value="FAILED"
                checked={chosen === "FAILED"}
                onChange={() => setVerdict("FAILED")}
              />
              <span>Lỗi: cần khắc phục</span>
            </label>
          </fieldset>
          {fields.result.errors ? (
            <p className="field-error" role="alert">
              {fields.result.errors.join(" ")}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={running || navigation.state !== "idle"}>
            Lưu kết quả
          </button>
        </Form>
      </section>

      <section aria-labelledby="history-head">
        <h2 id="history-head">Các lần kiểm tra trước</h2>
        <TestHistoryTable rows={data.history} caption={`Lịch sử kiểm tra ${data.bridge.name}`} />
      </section>
    </div>
  );
}
