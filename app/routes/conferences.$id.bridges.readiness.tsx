import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { requireConference } from "#app/auth/guard.server.ts";
import { bridgeConference } from "#app/bridges/access.server.ts";
import { requestTestSchema, scheduleSchema } from "#app/bridges/bridge-form.ts";
import bridgesCss from "#app/bridges/bridges.css?url";
import { askBridgesToTest, scheduleBridgeTest } from "#app/bridges/organiser-actions.server.ts";
import { readinessPage } from "#app/bridges/organiser-pages.server.ts";
import { RequestTests, ScheduleForm } from "#app/components/bridges/board-forms.tsx";
import { BoardFilters, BoardSummary, BoardTable } from "#app/components/bridges/readiness-board.tsx";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { PageLinks } from "#app/ui/page-links.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { formReply, outcomeReply } from "#app/http/reply.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bridgesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Kết nối điểm cầu · ${data?.conference.title ?? ""}` },
];

export const handle: BreadcrumbHandle<{ conference: { id: string } }> = {
  breadcrumb: (data) => [
    { label: "Điểm cầu", to: data ? `/conferences/${data.conference.id}/bridges` : undefined },
    { label: "Theo dõi kết nối" },
  ],
};

// A district's dozen bridges refresh every 5 s; a nation-wide board (thousands of rows, megabytes) less often.
const refreshMs = (bridges: number) => (bridges <= 200 ? 5_000 : 30_000);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "bridges.support");
  const c = await bridgeConference(access);
  return readinessPage(c, new URL(request.url).searchParams);
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Only organisers act here; IT support reads the board.
  const access = await requireConference(request, params.id, "bridges.manage");
  const c = await bridgeConference(access);
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "schedule": {
      const s = parseWithZod(form, { schema: scheduleSchema });
      if (s.status !== "success") return formReply("schedule", s);
      return outcomeReply("schedule", s, await scheduleBridgeTest(access.user, c, s.value));
    }
    case "request": {
      const s = parseWithZod(form, { schema: requestTestSchema });
      if (s.status !== "success") return formReply("request", s);
      return outcomeReply("request", s, await askBridgesToTest(access.user, c, s.value.round));
    }
    default:
      throw new Response("Yêu cầu không hợp lệ.", { status: 400 });
  }
}

export default function ReadinessBoard() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
  const from = (data.paging.page - 1) * data.paging.perPage + 1;
  return (
    <div className="page">
      <h1>Theo dõi kết nối điểm cầu</h1>
      <p className="muted">
        {data.conference.when ? `Hội nghị: ${data.conference.when}. ` : ""}
        {data.conference.testAt
          ? `Kiểm tra kết nối chung: ${data.conference.testAt}.`
          : "Chưa đặt lịch kiểm tra kết nối chung."}{" "}
        Bảng tự cập nhật mỗi {refreshMs(c.total) / 1000} giây.
      </p>
      {idle && actionData?.message ? (
        <p role="status" className="up">
          {actionData.message}
        </p>
      ) : null}
      <BoardSummary c={c} />
      {c.total > 10 ? <BoardFilters filter={data.filter} /> : null}
      {data.paging.pages > 1 ? (
        <p className="muted small" role="status">
          {`Điểm cầu ${from.toLocaleString("vi-VN")}–${(from + data.bridges.length - 1).toLocaleString("vi-VN")} trong ${data.filter.matching.toLocaleString("vi-VN")} (lỗi trước, rồi chưa kiểm tra); lọc, tìm hoặc sang trang để xem các điểm cầu khác.`}
        </p>
      ) : null}
      {data.bridges.length === 0 ? (
        <p className="empty">
          {c.total === 0 ? "Hội nghị chưa có điểm cầu nào." : "Không có điểm cầu nào khớp bộ lọc."}
        </p>
      ) : (
        <BoardTable bridges={data.bridges} conferenceId={data.conference.id} />
      )}
      {data.paging.pages > 1 ? (
        <PageLinks page={data.paging.page} pages={data.paging.pages} label="Trang bảng theo dõi kết nối" />
      ) : null}
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
          <RequestTests pending={data.pendingWithEmail} round={data.conference.round} busy={!idle} />
        </div>
      ) : null}
    </div>
  );
}
