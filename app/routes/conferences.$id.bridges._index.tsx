import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { userActor } from "#app/database/audit.server.ts";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireConference } from "#app/auth/guard.server.ts";
import { bridgeConference } from "#app/bridges/access.server.ts";
import { BridgeEditor } from "#app/bridges/bridge-editor.tsx";
import { assignSchema, bridgeSchema, bulkBridgeSchema } from "#app/bridges/bridge-form.ts";
import { createBridge, hostOptions, listBridges, parentOptions } from "#app/bridges/bridges.server.ts";
import { assignAttendees, bulkCreateBridges } from "#app/bridges/placement.server.ts";
import { CopyButton, ReadinessBadge } from "#app/bridges/components.tsx";
import bridgesCss from "#app/bridges/bridges.css?url";
import { prisma } from "#app/db.server.ts";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bridgesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Điểm cầu · ${data?.conference.title ?? ""}` },
];

// A province-wide conference has about 100 bridge points, a nation-wide one over 3,300: the list is paged
// and searchable, and the assignment list shows the attendees a search finds.
const BRIDGES_PER_PAGE = 100;
const ATTENDEES_SHOWN = 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "bridges.support");
  const user = access.user;
  const c = await bridgeConference(access);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const aq = (url.searchParams.get("aq") ?? "").slice(0, 100);
  const [allBridges, hosts, parents, allAttendees] = await Promise.all([
    listBridges(c.id),
    c.canManage ? hostOptions(c.organizationId) : Promise.resolve([]),
    c.canManage ? parentOptions(user.visibleOrganizationIds) : Promise.resolve([]),
    c.canManage
      ? prisma.attendee.findMany({
          where: { conferenceId: c.id, revokedAt: null },
          orderBy: [{ organizationName: "asc" }, { name: "asc" }],
          select: {
            id: true,
            name: true,
            position: true,
            organizationName: true,
            bridgePoint: { select: { name: true } },
          },
        })
      : Promise.resolve([]),
  ]);
  const folded = foldVietnamese(q);
  const matching = folded
    ? allBridges.filter((b) =>
        foldVietnamese(`${b.name} ${b.hostOrganization?.name ?? ""} ${b.contactName}`).includes(folded),
      )
    : allBridges;
  const pages = Math.max(1, Math.ceil(matching.length / BRIDGES_PER_PAGE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const bridges = matching.slice((page - 1) * BRIDGES_PER_PAGE, page * BRIDGES_PER_PAGE);
  const foldedAttendee = foldVietnamese(aq);
  const attendeesMatching = foldedAttendee
    ? allAttendees.filter((a) =>
        foldVietnamese(`${a.name} ${a.organizationName} ${a.bridgePoint?.name ?? ""}`).includes(foldedAttendee),
      )
    : allAttendees;
  const attendees = attendeesMatching.slice(0, ATTENDEES_SHOWN);
  return {
    conference: { id: c.id, title: c.title, testAt: c.bridgeTestAt ? formatDateTime(c.bridgeTestAt) : null },
    canManage: c.canManage,
    totals: {
      bridges: allBridges.length,
      passed: allBridges.filter((b) => b.readiness === "PASSED").length,
      attendees: allAttendees.length,
    },
    paging: {
      q,
      page,
      pages,
      matching: matching.length,
      from: (page - 1) * BRIDGES_PER_PAGE + 1,
      aq,
      attendeesMatching: attendeesMatching.length,
    },
    bridgeOptions: allBridges.map((b) => ({ id: b.id, name: b.name })),
    bridges: bridges.map((b) => ({
      ...b,
      readinessAt: b.readinessAt ? formatDateTime(b.readinessAt) : null,
      // Passcodes and operator links are for organisers only.
      videoPasscode: c.canManage ? b.videoPasscode : "",
      operatorLink: c.canManage ? b.operatorLink : "",
    })),
    hosts: hosts.map((h) => ({ id: h.id, name: h.name, depth: h.depth, dissolved: !!h.dissolvedOn })),
    parents: parents.map((p) => ({ id: p.id, name: p.name, children: p._count.children })),
    attendees: attendees.map((a) => ({
      id: a.id,
      label: `${a.name}${a.position ? `, ${a.position}` : ""}${a.organizationName ? ` – ${a.organizationName}` : ""}`,
      site: a.bridgePoint?.name ?? "Hội trường chính",
    })),
  };
}

type ActionResult =
  | { intent: "create" | "bulk" | "assign"; result: SubmissionResult<string[]>; message?: string }
  | { intent: "other"; result: SubmissionResult<string[]>; message?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  // Only organisers act here; IT support reads the board.
  const access = await requireConference(request, params.id, "bridges.manage");
  const user = access.user;
  const c = await bridgeConference(access);
  const form = await request.formData();
  const intent = form.get("intent");
  const fail = (i: ActionResult["intent"], result: SubmissionResult<string[]>) =>
    Response.json({ intent: i, result } satisfies ActionResult, { status: 400 });
  if (intent === "create") {
    const s = parseWithZod(form, { schema: bridgeSchema });
    if (s.status !== "success") return fail("create", s.reply());
    if (
      s.value.hostOrganizationId &&
      !(await hostOptions(c.organizationId)).some((h) => h.id === s.value.hostOrganizationId)
    ) {
      return fail(
        "create",
        s.reply({ fieldErrors: { hostOrganizationId: ["Đơn vị chủ trì phải thuộc cơ quan tổ chức hội nghị"] } }),
      );
    }
    await createBridge(userActor(user), c.id, s.value);
    return {
      intent: "create",
      result: s.reply({ resetForm: true }),
      message: `Đã thêm ${s.value.name}.`,
    } satisfies ActionResult;
  }
  if (intent === "bulk") {
    const s = parseWithZod(form, { schema: bulkBridgeSchema });
    if (s.status !== "success") return fail("bulk", s.reply());
    if (!user.visibleOrganizationIds.includes(s.value.parentId)) {
      return fail("bulk", s.reply({ fieldErrors: { parentId: ["Cơ quan cấp trên không thuộc phạm vi của bạn"] } }));
    }
    const r = await bulkCreateBridges(userActor(user), c.id, s.value.parentId, {
      onlyAdministrative: s.value.onlyAdministrative,
      at: c.startsAt ?? new Date(),
    });
    const parts = [
      r.created.length ? `Đã tạo ${r.created.length} điểm cầu.` : "Không có điểm cầu mới nào.",
      r.skippedExisting.length ? `Bỏ qua ${r.skippedExisting.length} đơn vị đã có điểm cầu.` : "",
      r.skippedDissolved.length ? `Bỏ qua ${r.skippedDissolved.length} đơn vị đã giải thể, sáp nhập.` : "",
    ];
    return {
      intent: "bulk",
      result: s.reply({ resetForm: true }),
      message: parts.filter(Boolean).join(" "),
    } satisfies ActionResult;
  }
  if (intent === "assign") {
    const s = parseWithZod(form, { schema: assignSchema });
    if (s.status !== "success") return fail("assign", s.reply());
    const moved = await assignAttendees(userActor(user), c.id, s.value.target || null, s.value.attendeeIds);
    if (moved === null)
      return fail("assign", s.reply({ fieldErrors: { target: ["Điểm cầu không thuộc hội nghị này"] } }));
    return {
      intent: "assign",
      result: s.reply({ resetForm: true }),
      message: `Đã chuyển ${moved} đại biểu.`,
    } satisfies ActionResult;
  }
  throw new Response("Yêu cầu không hợp lệ.", { status: 400 });
}

function BulkForm({
  parents,
  lastResult,
}: {
  parents: Array<{ id: string; name: string; children: number }>;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "bulk-bridges",
    lastResult,
    defaultValue: { onlyAdministrative: true },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bulkBridgeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="bulk" />
      <div className="filters">
        <div className={`field ${fields.parentId.errors ? "has-error" : ""}`}>
          <label htmlFor={fields.parentId.id}>Cơ quan cấp trên</label>
          <select {...getSelectProps(fields.parentId)} key={fields.parentId.key}>
            <option value="">— Chọn —</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.children} đơn vị trực thuộc)
              </option>
            ))}
          </select>
          {fields.parentId.errors ? (
            <p className="field-error" id={fields.parentId.errorId} role="alert">
              {fields.parentId.errors.join(" ")}
            </p>
          ) : null}
        </div>
        <div className="field checkbox-field">
          <label className="checkbox" htmlFor={fields.onlyAdministrative.id}>
            <input
              type="checkbox"
              id={fields.onlyAdministrative.id}
              name={fields.onlyAdministrative.name}
              defaultChecked
              key={fields.onlyAdministrative.key}
            />
            Chỉ đơn vị hành chính (bỏ qua sở, phòng, cơ quan chuyên môn)
          </label>
        </div>
        <div className="field">
          <button type="submit">Tạo điểm cầu theo đơn vị trực thuộc</button>
        </div>
      </div>
      <p className="hint">
        Mỗi đơn vị trực thuộc một điểm cầu “Điểm cầu &lt;tên đơn vị&gt;”; bỏ qua đơn vị đã có điểm cầu và đơn vị đã giải
        thể, sáp nhập trước ngày hội nghị. Đại biểu thuộc đơn vị được chuyển về điểm cầu mới.
      </p>
    </Form>
  );
}

function AssignForm({
  bridges,
  attendees,
  lastResult,
}: {
  bridges: Array<{ id: string; name: string }>;
  attendees: Array<{ id: string; label: string; site: string }>;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "assign-attendees",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="assign" />
      <fieldset
        className="checklist"
        aria-describedby={fields.attendeeIds.errors ? fields.attendeeIds.errorId : undefined}
      >
        <legend>Đại biểu</legend>
        <div className="assign-list">
          {attendees.map((a) => (
            <label key={a.id}>
              <input type="checkbox" name="attendeeIds" value={a.id} />
              <span>
                {a.label} <span className="muted small">(hiện tại: {a.site})</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {fields.attendeeIds.errors ? (
        <p className="field-error" id={fields.attendeeIds.errorId} role="alert">
          {fields.attendeeIds.errors.join(" ")}
        </p>
      ) : null}
      <div className="filters">
        <div className={`field ${fields.target.errors ? "has-error" : ""}`}>
          <label htmlFor={fields.target.id}>Chuyển về</label>
          <select id={fields.target.id} name={fields.target.name} key={fields.target.key} defaultValue="">
            <option value="">Hội trường chính (dự trực tiếp)</option>
            {bridges.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
          {fields.target.errors ? (
            <p className="field-error" id={fields.target.errorId} role="alert">
              {fields.target.errors.join(" ")}
            </p>
          ) : null}
        </div>
        <div className="field">
          <button type="submit">Phân đại biểu</button>
        </div>
      </div>
    </Form>
  );
}

function Pager({ paging }: { paging: { q: string; page: number; pages: number; aq: string } }) {
  const href = (page: number) => {
    const p = new URLSearchParams();
    if (paging.q) p.set("q", paging.q);
    if (paging.aq) p.set("aq", paging.aq);
    if (page > 1) p.set("page", String(page));
    const text = p.toString();
    return text ? `?${text}` : ".";
  };
  return (
    <nav className="pager" aria-label="Trang danh sách điểm cầu">
      {paging.page > 1 ? <Link to={href(paging.page - 1)}>‹ Trang trước</Link> : <span />}
      <span className="muted">{`Trang ${paging.page}/${paging.pages}`}</span>
      {paging.page < paging.pages ? <Link to={href(paging.page + 1)}>Trang sau ›</Link> : <span />}
    </nav>
  );
}

export default function BridgesPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const navigation = useNavigation();
  const resultFor = (intent: ActionResult["intent"]) =>
    navigation.state === "idle" && actionData?.intent === intent ? actionData.result : undefined;
  const message = navigation.state === "idle" && actionData?.message ? actionData.message : null;
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/conferences">Hội nghị, kế hoạch</Link> ›{" "}
        <Link to={`/conferences/${data.conference.id}`}>{data.conference.title}</Link> › <span>Điểm cầu</span>
      </nav>
      <div className="page-head">
        <h1>Điểm cầu trực tuyến</h1>
        <Link to={`/conferences/${data.conference.id}/bridges/readiness`} className="button">
          Bảng theo dõi kết nối
        </Link>
      </div>
      <p className="muted">
        {data.totals.bridges} điểm cầu · {data.totals.passed} đã xác nhận kết nối đạt
        {data.conference.testAt ? ` · kiểm tra kết nối chung: ${data.conference.testAt}` : ""}
      </p>
      {message ? (
        <p role="status" className="up">
          {message}
        </p>
      ) : null}
      {data.totals.bridges > 10 ? (
        <Form method="get" className="filters" role="search">
          <div className="field">
            <label htmlFor="bridge-q">Tìm điểm cầu</label>
            <input
              id="bridge-q"
              name="q"
              type="search"
              defaultValue={data.paging.q}
              placeholder="Tên điểm cầu, đơn vị, người phụ trách"
            />
          </div>
          {data.paging.aq ? <input type="hidden" name="aq" value={data.paging.aq} /> : null}
          <div className="field">
            <button type="submit">Tìm</button>
          </div>
        </Form>
      ) : null}
      {data.paging.pages > 1 || data.paging.q ? (
        <p className="muted small" role="status">
          {data.paging.matching === 0
            ? "Không có điểm cầu nào khớp."
            : `Điểm cầu ${data.paging.from}–${data.paging.from + data.bridges.length - 1} trong ${data.paging.matching}${data.paging.q ? " khớp" : ""}.`}
        </p>
      ) : null}
      {data.bridges.length === 0 ? (
        data.totals.bridges === 0 ? (
          <p className="empty">Chưa có điểm cầu nào.</p>
        ) : null
      ) : (
        <div className="table-scroll">
          <table className="table bridge-list">
            <thead>
              <tr>
                <th scope="col">Điểm cầu</th>
                <th scope="col">Phòng họp, địa chỉ</th>
                <th scope="col">Phụ trách kỹ thuật</th>
                <th scope="col">Họp trực tuyến</th>
                <th scope="col" className="num">
                  Đại biểu
                </th>
                <th scope="col">Kết nối</th>
              </tr>
            </thead>
            <tbody>
              {data.bridges.map((b) => (
                <tr key={b.id}>
                  <td className="bridge-cell" data-label="Điểm cầu">
                    <Link to={`/conferences/${data.conference.id}/bridges/${b.id}`} className="strong">
                      {b.name}
                    </Link>{" "}
                    {b.isMain ? <span className="badge status-issued">Điểm cầu chính</span> : null}
                    {b.hostOrganization ? <div className="muted small">{b.hostOrganization.name}</div> : null}
                  </td>
                  <td data-label="Phòng họp, địa chỉ">
                    {b.room ? <div>{b.room}</div> : null}
                    <div className="muted small">{b.address}</div>
                  </td>
                  <td data-label="Phụ trách kỹ thuật">
                    {b.contactName || <span className="muted">Chưa có</span>}
                    {b.contactPhone ? <div className="small">{b.contactPhone}</div> : null}
                    {b.contactEmail ? <div className="small">{b.contactEmail}</div> : null}
                  </td>
                  <td className="bridge-cell" data-label="Họp trực tuyến">
                    {b.videoLink ? (
                      <a href={b.videoLink} target="_blank" rel="noreferrer noopener" className="small">
                        {b.videoLink}
                      </a>
                    ) : (
                      <span className="muted">Chưa có đường dẫn</span>
                    )}
                    {b.videoPasscode ? (
                      <div className="small">
                        Mật khẩu: <span className="passcode">{b.videoPasscode}</span>
                      </div>
                    ) : null}
                    {b.operatorLink ? (
                      <div className="operator-link small">
                        <span>Trang điểm cầu:</span> <code>{b.operatorLink}</code>{" "}
                        <CopyButton text={b.operatorLink} label={`Sao chép đường dẫn trang ${b.name}`} />
                      </div>
                    ) : null}
                  </td>
                  <td className="num" data-label="Đại biểu">
                    {b.attendees}
                  </td>
                  <td data-label="Kết nối">
                    <ReadinessBadge readiness={b.readiness} />
                    {b.readinessAt ? <div className="muted small">{b.readinessAt}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.paging.pages > 1 ? <Pager paging={data.paging} /> : null}
      {data.canManage ? (
        <>
          <section className="card">
            <h2>Thêm điểm cầu</h2>
            <BridgeEditor
              id="create-bridge"
              intent="create"
              lastResult={resultFor("create")}
              hosts={data.hosts}
              submitLabel="Thêm điểm cầu"
            />
          </section>
          {data.parents.length ? (
            <section className="card">
              <h2>Tạo điểm cầu theo cây tổ chức</h2>
              <BulkForm parents={data.parents} lastResult={resultFor("bulk")} />
            </section>
          ) : null}
          {data.totals.attendees && data.totals.bridges ? (
            <section className="card">
              <h2>Phân đại biểu về điểm cầu</h2>
              {data.totals.attendees > 50 ? (
                <Form method="get" className="filters" role="search">
                  {data.paging.q ? <input type="hidden" name="q" value={data.paging.q} /> : null}
                  {data.paging.page > 1 ? <input type="hidden" name="page" value={data.paging.page} /> : null}
                  <div className="field">
                    <label htmlFor="attendee-q">Tìm đại biểu</label>
                    <input
                      id="attendee-q"
                      name="aq"
                      type="search"
                      defaultValue={data.paging.aq}
                      placeholder="Họ tên, cơ quan, điểm cầu hiện tại"
                    />
                  </div>
                  <div className="field">
                    <button type="submit">Tìm</button>
                  </div>
                </Form>
              ) : null}
              {data.paging.attendeesMatching > data.attendees.length ? (
                <p className="muted small" role="status">
                  {`Hiển thị ${data.attendees.length} đầu tiên trong ${data.paging.attendeesMatching} đại biểu${data.paging.aq ? " khớp" : ""}; tìm để thu hẹp.`}
                </p>
              ) : null}
              <AssignForm bridges={data.bridgeOptions} attendees={data.attendees} lastResult={resultFor("assign")} />
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
