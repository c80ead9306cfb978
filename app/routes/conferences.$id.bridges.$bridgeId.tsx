import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireConference } from "#app/auth/guard.server.ts";
import { bridgeConference } from "#app/bridges/access.server.ts";
import { BridgeEditor } from "#app/components/bridges/bridge-editor.tsx";
import { bridgeSchema, deleteBridgeSchema } from "#app/bridges/bridge-form.ts";
import bridgesCss from "#app/bridges/bridges.css?url";
import { ReadinessBadge, TestHistoryTable } from "#app/components/bridges/test-history.tsx";
import { editBridge, removeBridge } from "#app/bridges/organiser-actions.server.ts";
import { bridgePage, conferenceBridge } from "#app/bridges/organiser-pages.server.ts";
import { BridgeFacts, DeleteBridgeForm } from "#app/components/bridges/bridge-details.tsx";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { PageLinks } from "#app/ui/page-links.tsx";
import { formReply, outcomeReply } from "#app/http/reply.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bridgesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.bridge.name ?? "Điểm cầu"} · Hội nghị CCHC` },
];

export const handle: BreadcrumbHandle<{ conference: { id: string }; bridge: { name: string } }> = {
  breadcrumb: (data) => [
    { label: "Điểm cầu", to: data ? `/conferences/${data.conference.id}/bridges` : undefined },
    ...(data ? [{ label: data.bridge.name }] : []),
  ],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "bridges.support");
  const c = await bridgeConference(access);
  return bridgePage(c, await conferenceBridge(c.id, params.bridgeId), new URL(request.url).searchParams);
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Only organisers act here; IT support reads the board.
  const access = await requireConference(request, params.id, "bridges.manage");
  const c = await bridgeConference(access);
  const b = await conferenceBridge(c.id, params.bridgeId);
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "update": {
      const s = parseWithZod(form, { schema: bridgeSchema });
      if (s.status !== "success") return formReply("update", s);
      return outcomeReply("update", s, await editBridge(access.user, c, b.id, s.value));
    }
    case "delete": {
      const s = parseWithZod(form, { schema: deleteBridgeSchema });
      if (s.status !== "success") return formReply("delete", s);
      await removeBridge(access.user, c, b.id);
      return redirect(`/conferences/${c.id}/bridges`);
    }
    default:
      throw new Response("Yêu cầu không hợp lệ.", { status: 400 });
  }
}

export default function BridgePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const b = data.bridge;
  const idle = navigation.state === "idle";
  const resultFor = (intent: "update" | "delete") =>
    idle && actionData?.intent === intent ? actionData.result : undefined;
  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {b.name} <ReadinessBadge readiness={b.readiness} />
        </h1>
        <Link to={`/conferences/${data.conference.id}/bridges/readiness`} className="button">
          Bảng theo dõi kết nối
        </Link>
      </div>
      {idle && actionData?.message ? (
        <p role="status" className="up">
          {actionData.message}
        </p>
      ) : null}
      <BridgeFacts b={b} canManage={data.canManage} />
      <section aria-labelledby="history-head">
        <h2 id="history-head">Lịch sử kiểm tra kết nối</h2>
        <TestHistoryTable rows={data.history} caption={`Lịch sử kiểm tra ${b.name}`} />
      </section>
      {data.attendees.length ? (
        <section className="card">
          <h2>Đại biểu dự tại điểm cầu</h2>
          {data.attendeePaging.pages > 1 ? (
            <p className="muted small">{`Đại biểu ${data.attendeePaging.from}–${data.attendeePaging.from + data.attendees.length - 1} trong ${b.attendeeCount}, theo họ tên.`}</p>
          ) : null}
          <ul>
            {data.attendees.map((a) => (
              <li key={a.id}>
                {a.name}
                {a.position ? `, ${a.position}` : ""}
                {a.organizationName ? <span className="muted"> – {a.organizationName}</span> : null}
              </li>
            ))}
          </ul>
          {data.attendeePaging.pages > 1 ? (
            <PageLinks {...data.attendeePaging} label="Trang danh sách đại biểu" />
          ) : null}
        </section>
      ) : null}
      {data.canManage ? (
        <>
          <section className="card">
            <h2>Sửa điểm cầu</h2>
            <BridgeEditor
              id={`edit-${b.id}`}
              intent="update"
              bridgeId={b.id}
              lastResult={resultFor("update")}
              defaultValue={{
                name: b.name,
                hostOrganizationId: b.hostOrganizationId ?? "",
                address: b.address,
                room: b.room,
                isMain: b.isMain,
                videoLink: b.videoLink,
                videoPasscode: b.videoPasscode,
                contactName: b.contactName,
                contactPhone: b.contactPhone,
                contactEmail: b.contactEmail,
              }}
              hosts={data.hosts}
              submitLabel="Lưu thay đổi"
            />
          </section>
          <DeleteBridgeForm name={b.name} attendeeCount={b.attendeeCount} lastResult={resultFor("delete")} />
        </>
      ) : null}
    </div>
  );
}
