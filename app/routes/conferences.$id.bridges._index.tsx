import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireConference } from "#app/auth/guard.server.ts";
import { bridgeConference } from "#app/bridges/access.server.ts";
import { BridgeEditor } from "#app/components/bridges/bridge-editor.tsx";
import { assignSchema, bridgeSchema, bulkBridgeSchema } from "#app/bridges/bridge-form.ts";
import bridgesCss from "#app/bridges/bridges.css?url";
import { addBridge, addBridgesForChildren, moveAttendees } from "#app/bridges/organiser-actions.server.ts";
import { bridgeListPage } from "#app/bridges/organiser-pages.server.ts";
import { BridgeSearch, BridgeTable, Pager } from "#app/components/bridges/bridge-list.tsx";
import { AssignSection, BulkForm } from "#app/components/bridges/bridge-list-forms.tsx";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { formReply, outcomeReply } from "#app/http/reply.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bridgesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Điểm cầu · ${data?.conference.title ?? ""}` },
];

export const handle: BreadcrumbHandle = { breadcrumb: () => ({ label: "Điểm cầu" }) };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "bridges.support");
  const c = await bridgeConference(access);
  return bridgeListPage(c, access.user, new URL(request.url).searchParams);
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Only organisers act here; IT support reads the board.
  const access = await requireConference(request, params.id, "bridges.manage");
  const c = await bridgeConference(access);
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "create": {
      const s = parseWithZod(form, { schema: bridgeSchema });
      if (s.status !== "success") return formReply("create", s);
      return outcomeReply("create", s, await addBridge(access.user, c, s.value), { resetForm: true });
    }
    case "bulk": {
      const s = parseWithZod(form, { schema: bulkBridgeSchema });
      if (s.status !== "success") return formReply("bulk", s);
      return outcomeReply("bulk", s, await addBridgesForChildren(access.user, c, s.value), { resetForm: true });
    }
    case "assign": {
      const s = parseWithZod(form, { schema: assignSchema });
      if (s.status !== "success") return formReply("assign", s);
      return outcomeReply("assign", s, await moveAttendees(access.user, c, s.value), { resetForm: true });
    }
    default:
      throw new Response("Yêu cầu không hợp lệ.", { status: 400 });
  }
}

export default function BridgesPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const idle = navigation.state === "idle";
  const resultFor = (intent: "create" | "bulk" | "assign") =>
    idle && actionData?.intent === intent ? actionData.result : undefined;
  const message = idle ? actionData?.message : null;
  const { paging, totals } = data;
  return (
    <div className="page">
      <div className="page-head">
        <h1>Điểm cầu trực tuyến</h1>
        <Link to={`/conferences/${data.conference.id}/bridges/readiness`} className="button">
          Bảng theo dõi kết nối
        </Link>
      </div>
      <p className="muted">
        {totals.bridges} điểm cầu · {totals.passed} đã xác nhận kết nối đạt
        {data.conference.testAt ? ` · kiểm tra kết nối chung: ${data.conference.testAt}` : ""}
      </p>
      {message ? (
        <p role="status" className="up">
          {message}
        </p>
      ) : null}
      {totals.bridges > 10 ? <BridgeSearch paging={paging} /> : null}
      {paging.pages > 1 || paging.q ? (
        <p className="muted small" role="status">
          {paging.matching === 0
            ? "Không có điểm cầu nào khớp."
            : `Điểm cầu ${paging.from}–${paging.from + data.bridges.length - 1} trong ${paging.matching}${paging.q ? " khớp" : ""}.`}
        </p>
      ) : null}
      {data.bridges.length === 0 ? (
        totals.bridges === 0 ? (
          <p className="empty">Chưa có điểm cầu nào.</p>
        ) : null
      ) : (
        <BridgeTable bridges={data.bridges} conferenceId={data.conference.id} />
      )}
      {paging.pages > 1 ? <Pager paging={paging} /> : null}
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
          {totals.attendees && totals.bridges ? (
            <AssignSection
              paging={paging}
              totalAttendees={totals.attendees}
              bridges={data.bridgeChoices}
              attendees={data.attendees}
              lastResult={resultFor("assign")}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
