import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import attendanceStyles from "#app/attendance/attendance.css?url";
import {
  attendanceConference,
  attendanceData,
  parseRollCallForm,
  recordRollCall,
} from "#app/attendance/attendance.server.ts";
import { LiveAttendance, useLiveData, type LiveData } from "#app/attendance/live.tsx";
import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";
import {
  describeMark,
  isPresent,
  methodLabel,
  MAIN_HALL_LABEL,
  NO_GROUP_LABEL,
  type AttendeeRow,
} from "#app/attendance/summary.ts";
import { userActor } from "#app/database/audit.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { formatDateTime, formatTime } from "#app/lib/vietnamese-date.ts";
import type { AttendanceStatus } from "#app/checkin/types.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: attendanceStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Điểm danh · ${data?.conference.title ?? ""}` },
];

const STATUS_FILTERS = {
  "": "Tất cả",
  NONE: "Chưa điểm danh",
  PRESENT: "Có mặt (mọi hình thức)",
  IN_PERSON: "Có mặt trực tiếp",
  ONLINE: "Dự trực tuyến",
  SUBSTITUTE: "Người dự thay có mặt",
  ABSENT: "Vắng mặt",
} as const;
type StatusFilter = keyof typeof STATUS_FILTERS;

function matchesStatus(row: AttendeeRow, f: StatusFilter): boolean {
  const s = row.attendance?.status;
  if (!f) return true;
  if (f === "NONE") return !s;
  if (f === "PRESENT") return isPresent(s);
  return s === f;
}

const ROW_LIMIT = 300;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "attendance.take");
  const c = await attendanceConference(access);
  const data = await attendanceData(c);
  const url = new URL(request.url);
  const filter = {
    group: url.searchParams.get("group") ?? "",
    bridge: url.searchParams.get("bridge") ?? "",
    status: (url.searchParams.get("status") ?? "") as StatusFilter,
    name: (url.searchParams.get("name") ?? "").slice(0, 100),
  };
  if (!(filter.status in STATUS_FILTERS)) filter.status = "";
  const name = foldVietnamese(filter.name);
  const bridgeName = new Map(data.bridges.map((b) => [b.id, b.name]));
  const matching = data.rows
    .filter((r) => !filter.group || (filter.group === "none" ? !r.groupId : r.groupId === filter.group))
    .filter((r) => !filter.bridge || (filter.bridge === "main" ? !r.bridgePointId : r.bridgePointId === filter.bridge))
    .filter((r) => matchesStatus(r, filter.status))
    .filter((r) => !name || foldVietnamese(`${r.name} ${r.organizationName}`).includes(name))
    .map((r) => ({
      ...r,
      site: r.bridgePointId ? (bridgeName.get(r.bridgePointId) ?? MAIN_HALL_LABEL) : MAIN_HALL_LABEL,
      markText: describeMark(r.attendance, (id) => (id ? (bridgeName.get(id) ?? null) : null)),
      markTime: r.attendance?.checkedInAt ? formatTime(new Date(r.attendance.checkedInAt)) : "",
      markMethod: methodLabel(r.attendance?.method),
    }));
  // A province- or nation-wide conference has thousands of attendees: one form each would make the page
  // unusable, so the list shows the first ROW_LIMIT matches and asks for a filter.
  const rows = matching.slice(0, ROW_LIMIT);
  const now = new Date();
  const live: LiveData = { summary: data.summary, asOf: formatDateTime(now), at: now.getTime() };
  return {
    // Check-in staff take the roll; the reports with absence reasons and the posters are the organisers'.
    canReport: access.can("attendance.report"),
    canPosters: access.can("bridges.manage"),
    conference: {
      id: c.id,
      title: c.title,
      when: c.startsAt ? formatDateTime(c.startsAt) : null,
      cancelled: c.status === "CANCELLED",
    },
    groups: data.groups,
    bridges: data.bridges,
    filter,
    rows,
    matching: matching.length,
    total: data.rows.length,
    live,
  };
}

type Reply =
  | { ok: true; attendeeId: string; message: string }
  | { ok: false; attendeeId: string; message: string; field?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "attendance.take");
  const c = await attendanceConference(access);
  const user = access.user;
  const form = await request.formData();
  const parsed = parseRollCallForm(form);
  const attendeeId = String(form.get("attendeeId") ?? "");
  if (!parsed.ok)
    return Response.json({ ok: false, attendeeId, message: parsed.message, field: parsed.field } satisfies Reply, {
      status: 400,
    });
  const r = await recordRollCall({
    conferenceId: c.id,
    attendeeId: parsed.attendeeId,
    mark: parsed.mark,
    userId: user.id,
    actor: userActor(user),
  });
  if (!r.ok)
    return Response.json({ ok: false, attendeeId, message: r.message, field: r.field } satisfies Reply, {
      status: r.status,
    });
  return Response.json({ ok: true, attendeeId, message: r.message } satisfies Reply);
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

const MARK_OPTIONS: Array<{ value: AttendanceStatus | "CLEAR"; label: string }> = [
  { value: "IN_PERSON", label: "Có mặt trực tiếp" },
  { value: "ONLINE", label: "Dự trực tuyến tại điểm cầu" },
  { value: "ABSENT", label: "Vắng mặt" },
  { value: "SUBSTITUTE", label: "Người dự thay có mặt" },
  { value: "CLEAR", label: "Chưa điểm danh (xóa kết quả)" },
];

// Every bridge point in every row's list is fine for a district (a dozen) but not for a province-wide
// conference (hundreds × 300 rows): beyond this many, a row offers the bridges that concern it
// (where the attendee is invited or recorded, and the one the list is filtered by).
const ALL_BRIDGES_IN_ROW = 40;

function bridgeChoices(bridges: Array<{ id: string; name: string }>, relevant: Array<string | null | undefined>) {
  if (bridges.length <= ALL_BRIDGES_IN_ROW) return bridges;
  const wanted = new Set(relevant.filter((id): id is string => !!id));
  return bridges.filter((b) => wanted.has(b.id));
}

function RollCallRow({
  row,
  index,
  bridges,
  filterBridge,
  pageReply,
}: {
  row: Row;
  index: number;
  bridges: Array<{ id: string; name: string }>;
  filterBridge: string;
  pageReply: Reply | undefined;
}) {
  const fetcher = useFetcher<Reply>();
  const id = useId();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const a = row.attendance;
  const [status, setStatus] = useState<string>(a?.status ?? "IN_PERSON");
  useEffect(() => setStatus(a?.status ?? "IN_PERSON"), [a?.status]);
  const reply = fetcher.data ?? (pageReply?.attendeeId === row.id ? pageReply : undefined);
  const error = reply && !reply.ok ? reply : null;
  const busy = fetcher.state !== "idle";
  // With JavaScript only the field the chosen mark needs is shown; without, all of them.
  const show = (s: string) => !hydrated || status === s;
  const badge = a ? a.status.toLowerCase() : "none";
  return (
    <tr data-attendee={row.id}>
      <td className="num">{index}</td>
      <td className="who">
        <span className="strong">{row.name}</span>
        <div className="muted small">{[row.position, row.organizationName].filter(Boolean).join(" – ")}</div>
        <div className="muted small">Dự tại: {row.site}</div>
        <span className={`badge att-badge-${badge} att-badge`} data-testid="mark">
          {row.markText}
        </span>
        {row.markTime ? (
          <span className="muted small att-current">
            {row.markTime}
            {row.markMethod ? ` · ${row.markMethod}` : ""}
          </span>
        ) : null}
      </td>
      <td>
        <fetcher.Form method="post" className="att-mark" aria-label={`Điểm danh ${row.name}`} noValidate>
          <input type="hidden" name="attendeeId" value={row.id} />
          <div className="field">
            <label htmlFor={`${id}-status`}>Kết quả điểm danh</label>
            <select
              id={`${id}-status`}
              name="status"
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              aria-invalid={error?.field === "status" || undefined}
            >
              {MARK_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field" hidden={!show("ONLINE")}>
            <label htmlFor={`${id}-bridge`}>Điểm cầu</label>
            <select
              id={`${id}-bridge`}
              name="bridgePointId"
              defaultValue={a?.bridgePointId ?? row.bridgePointId ?? ""}
              aria-invalid={error?.field === "bridgePointId" || undefined}
            >
              <option value="">— Chọn điểm cầu —</option>
              {bridgeChoices(bridges, [a?.bridgePointId, row.bridgePointId, filterBridge]).map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field" hidden={!show("ABSENT")}>
            <label htmlFor={`${id}-reason`}>Lý do vắng mặt</label>
            <input
              id={`${id}-reason`}
              name="absenceReason"
              type="text"
              maxLength={500}
              defaultValue={a?.absenceReason ?? ""}
              aria-invalid={error?.field === "absenceReason" || undefined}
              aria-describedby={error?.field === "absenceReason" ? `${id}-msg` : undefined}
            />
          </div>
          <div className="field" hidden={!show("SUBSTITUTE")}>
            <label htmlFor={`${id}-substitute`}>Họ tên người dự thay</label>
            <input
              id={`${id}-substitute`}
              name="substituteName"
              type="text"
              maxLength={200}
              defaultValue={a?.substituteName || row.substituteForName || ""}
              aria-invalid={error?.field === "substituteName" || undefined}
              aria-describedby={error?.field === "substituteName" ? `${id}-msg` : undefined}
            />
          </div>
          <div className="att-actions">
            <button type="submit" className="small-button primary" disabled={busy}>
              {busy ? "Đang lưu…" : "Lưu"}
            </button>
          </div>
          {reply ? (
            <p
              id={`${id}-msg`}
              className={`att-msg ${reply.ok ? "up" : "field-error"}`}
              role={reply.ok ? "status" : "alert"}
            >
              {reply.message}
            </p>
          ) : null}
        </fetcher.Form>
      </td>
    </tr>
  );
}

export default function AttendancePage() {
  const data = useLoaderData<typeof loader>();
  const pageReply = useActionData<Reply>();
  const c = data.conference;
  const live = useLiveData<LiveData>(`/conferences/${c.id}/attendance.json`, data.live);
  // After a mark is saved the page data is fresher than the last poll.
  const shown = live.at >= data.live.at ? live : data.live;
  const sections = [
    ...data.groups.map((g) => ({ id: g.id as string | null, label: g.label })),
    { id: null, label: NO_GROUP_LABEL },
  ]
    .map((g) => ({
      ...g,
      rows: data.rows.filter((r) =>
        g.id ? r.groupId === g.id : !r.groupId || !data.groups.some((x) => x.id === r.groupId),
      ),
    }))
    .filter((g) => g.rows.length > 0);
  let n = 0;
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/conferences">Hội nghị</Link> › <Link to={`/conferences/${c.id}`}>{c.title}</Link> › Điểm danh
      </nav>
      <div className="page-head">
        <h1>Điểm danh đại biểu</h1>
        <div className="att-toolbar">
          <a href={`/conferences/${c.id}/attendance/sheet.pdf`} className="button">
            In danh sách điểm danh
          </a>
          {data.canReport ? (
            <>
              <a href={`/conferences/${c.id}/attendance.xlsx`} className="button">
                Báo cáo điểm danh (.xlsx)
              </a>
              <a href={`/conferences/${c.id}/attendance-report.pdf`} className="button">
                Báo cáo điểm danh (PDF)
              </a>
            </>
          ) : null}
          {data.canPosters && data.bridges.length > 0 ? (
            <a href={`/conferences/${c.id}/attendance/posters.pdf`} className="button">
              Áp phích tự điểm danh tại điểm cầu (PDF)
            </a>
          ) : null}
        </div>
      </div>
      <p className="muted">
        {c.title}
        {c.when ? ` · ${c.when}` : ""}
      </p>
      {c.cancelled ? (
        <p className="form-error" role="alert">
          Hội nghị đã bị hủy.
        </p>
      ) : null}

      <LiveAttendance data={shown} />

      <section aria-labelledby="roll-title">
        <h2 id="roll-title">Điểm danh theo danh sách</h2>
        <p className="hint">
          In danh sách để đánh dấu trên giấy, rồi nhập kết quả tại đây. Chọn kết quả cho từng đại biểu và bấm “Lưu”; có
          thể sửa hoặc xóa kết quả đã ghi.
        </p>
        <Form method="get" className="filters" aria-label="Lọc danh sách">
          <div className="field">
            <label htmlFor="f-group">Thành phần</label>
            <select id="f-group" name="group" defaultValue={data.filter.group}>
              <option value="">Tất cả</option>
              {data.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.label}
                </option>
              ))}
              <option value="none">{NO_GROUP_LABEL}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-bridge">Điểm cầu</label>
            <select id="f-bridge" name="bridge" defaultValue={data.filter.bridge}>
              <option value="">Tất cả</option>
              <option value="main">{MAIN_HALL_LABEL}</option>
              {data.bridges.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-status">Tình trạng</label>
            <select id="f-status" name="status" defaultValue={data.filter.status}>
              {Object.entries(STATUS_FILTERS).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-name">Họ tên hoặc cơ quan</label>
            <input id="f-name" name="name" type="search" defaultValue={data.filter.name} />
          </div>
          <button type="submit" className="att-filter-button">
            Lọc
          </button>
        </Form>
        <p className="muted small" role="status">
          {data.matching > data.rows.length
            ? `Hiển thị ${data.rows.length} đầu tiên trong ${data.matching} đại biểu khớp bộ lọc (tổng ${data.total}); lọc theo thành phần, điểm cầu, trạng thái hoặc tên để thu hẹp.`
            : `Hiển thị ${data.rows.length} / ${data.total} đại biểu.`}
        </p>
        {sections.length === 0 ? (
          <p className="empty">Không có đại biểu nào khớp bộ lọc.</p>
        ) : (
          <div className="table-scroll">
            <table className="table att-roll">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    STT
                  </th>
                  <th scope="col">Đại biểu</th>
                  <th scope="col">Điểm danh</th>
                </tr>
              </thead>
              {sections.map((s) => (
                <tbody key={s.id ?? "none"}>
                  <tr className="att-group-row">
                    <th scope="rowgroup" colSpan={3}>
                      {s.label} ({s.rows.length})
                    </th>
                  </tr>
                  {s.rows.map((r) => (
                    <RollCallRow
                      key={r.id}
                      row={r}
                      index={++n}
                      bridges={data.bridges}
                      filterBridge={data.filter.bridge}
                      pageReply={pageReply}
                    />
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
