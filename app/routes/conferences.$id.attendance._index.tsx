import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import attendanceStyles from "#app/attendance/attendance.css?url";
import { attendanceConference } from "#app/attendance/attendance.server.ts";
import type { LiveData } from "#app/attendance/summary.ts";
import { LiveAttendance, useLiveData } from "#app/components/attendance/live.tsx";
import { ReportBuild, SheetBuild } from "#app/components/attendance/documents-build.tsx";
import { PostersBuild } from "#app/components/attendance/posters-build.tsx";
import { DOCUMENT_JOB_ATTENDEES, documentJob } from "#app/attendance/document-jobs.server.ts";
import { postersJob } from "#app/attendance/poster-jobs.server.ts";
import { STATUS_FILTERS } from "#app/attendance/roll-call-filter.ts";
import { RollCallPager } from "#app/components/attendance/roll-call-pager.tsx";
import { RollCallRowForm } from "#app/components/attendance/roll-call-row.tsx";
import { rollCallPage, takeRollCall } from "#app/attendance/roll-call.server.ts";
import { MAIN_HALL_LABEL, NO_GROUP_LABEL } from "#app/attendance/summary.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { BridgeChoiceSearch, BridgeOptions } from "#app/ui/bridge-choice.tsx";
import { userActor } from "#app/database/audit.server.ts";
import { reply } from "#app/http/reply.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: attendanceStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Điểm danh · ${data?.conference.title ?? ""}` },
];

export const handle = { breadcrumb: () => ({ label: "Điểm danh" }) };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "attendance.take");
  const c = await attendanceConference(access);
  const page = await rollCallPage(c, new URL(request.url));
  const canPosters = access.can("bridges.manage");
  const canReport = access.can("attendance.report");
  // A large conference's sheet and report are built as jobs; their latest builds and progress.
  const largeList = page.live.summary.total.invited > DOCUMENT_JOB_ATTENDEES;
  return {
    documents: largeList
      ? { sheet: await documentJob("sheet", c.id), report: canReport ? await documentJob("report", c.id) : null }
      : null,
    // A nation-wide conference's posters are built as a job; its latest build and progress.
    posters: canPosters && page.bridgeChoices.limited ? await postersJob(c.id) : null,
    // Check-in staff take the roll; the reports with absence reasons and the posters are the organisers'.
    canReport,
    canPosters,
    conference: {
      id: c.id,
      title: c.title,
      when: c.startsAt ? formatDateTime(c.startsAt) : null,
      cancelled: c.status === "CANCELLED",
    },
    ...page,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "attendance.take");
  const c = await attendanceConference(access);
  const { answer, status } = await takeRollCall(await request.formData(), {
    conferenceId: c.id,
    userId: access.user.id,
    actor: userActor(access.user),
  });
  return reply(answer, status);
}

export default function AttendancePage() {
  const data = useLoaderData<typeof loader>();
  const pageReply = useActionData<typeof action>();
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
  let n = data.paging.from - 1;
  // The bridge point the list is filtered by stays selectable when the choices do not hold it.
  const filterBridge = data.bridges.find(
    (b) => b.id === data.filter.bridge && !data.bridgeChoices.rows.some((x) => x.id === b.id),
  );
  return (
    <div className="page">
      <div className="page-head">
        <h1>Điểm danh đại biểu</h1>
        <div className="att-toolbar">
          {data.documents ? null : (
            <a href={`/conferences/${c.id}/attendance/sheet.pdf`} className="button">
              In danh sách điểm danh
            </a>
          )}
          {data.canReport ? (
            <>
              <a href={`/conferences/${c.id}/attendance.xlsx`} className="button">
                Báo cáo điểm danh (.xlsx)
              </a>
              {data.documents ? null : (
                <a href={`/conferences/${c.id}/attendance-report.pdf`} className="button">
                  Báo cáo điểm danh (PDF)
                </a>
              )}
              <a
                href={`/conferences/${c.id}/attendance-report.docx`}
                className="button"
                aria-label="Tải bản Word (.docx) của báo cáo điểm danh"
              >
                Tải bản Word (.docx)
              </a>
            </>
          ) : null}
          {data.canPosters && data.bridgeChoices.total > 0 && !data.bridgeChoices.limited ? (
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

      {data.documents || (data.canPosters && data.bridgeChoices.limited) ? (
        <div className="att-builds">
          {data.documents ? <SheetBuild conferenceId={c.id} initial={data.documents.sheet} /> : null}
          {data.documents && data.canReport ? (
            <ReportBuild conferenceId={c.id} initial={data.documents.report} />
          ) : null}
          {data.canPosters && data.bridgeChoices.limited ? (
            <PostersBuild conferenceId={c.id} initial={data.posters} />
          ) : null}
        </div>
      ) : null}
      <LiveAttendance data={shown} />

      <section aria-labelledby="roll-title">
        <h2 id="roll-title">Điểm danh theo danh sách</h2>
        <p className="hint">
          In danh sách để đánh dấu trên giấy, rồi nhập kết quả tại đây. Chọn kết quả cho từng đại biểu và bấm “Lưu”; có
          thể sửa hoặc xóa kết quả đã ghi.
        </p>
        <BridgeChoiceSearch choices={data.bridgeChoices} id="roll-bq" />
        <Form method="get" className="filters" aria-label="Lọc danh sách">
          {data.bridgeChoices.q ? <input type="hidden" name="bq" value={data.bridgeChoices.q} /> : null}
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
              {filterBridge ? <option value={filterBridge.id}>{filterBridge.name}</option> : null}
              <BridgeOptions
                choices={{
                  ...data.bridgeChoices,
                  rows: data.bridgeChoices.rows.filter((b) => b.id !== filterBridge?.id),
                }}
              />
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
            ? `Hiển thị ${data.paging.from}–${data.paging.from + data.rows.length - 1} trong ${data.matching} đại biểu khớp bộ lọc (tổng ${data.total}); lọc theo thành phần, điểm cầu, trạng thái hoặc tên để thu hẹp.`
            : `Hiển thị ${data.rows.length} / ${data.total} đại biểu.`}
        </p>
        <RollCallPager paging={data.paging} filter={data.filter} />
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
                    <RollCallRowForm
                      key={r.id}
                      row={r}
                      index={++n}
                      bridges={data.bridges}
                      bridgeTotal={data.bridgeChoices.total}
                      filterBridge={data.filter.bridge}
                      pageReply={pageReply}
                    />
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        )}
        <RollCallPager paging={data.paging} filter={data.filter} />
      </section>
    </div>
  );
}
