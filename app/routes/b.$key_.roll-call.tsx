import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { bridgeRollCall } from "#app/attendance/bridge-roll-call.server.ts";
import bridgesCss from "#app/bridges/bridges.css?url";
import { operatorPageMeta } from "#app/bridges/operator-meta.ts";
import { markFromLink, rollCallBridge } from "#app/bridges/roll-call-page.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { AttendeeMark } from "#app/components/bridges/attendee-mark.tsx";
import { meetingName } from "#app/conferences/naming.ts";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bridgesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  operatorPageMeta(`Điểm danh · ${data?.bridge.name ?? "Điểm cầu"}`);

// Back to the bridge's own operator page; a token page has no site trail above it.
export const handle: BreadcrumbHandle<{ key: string; bridge: { name: string } }> = {
  breadcrumb: (data) => (data ? [{ label: data.bridge.name, to: `/b/${data.key}` }, { label: "Điểm danh" }] : null),
};

export async function loader({ params }: LoaderFunctionArgs) {
  const b = await rollCallBridge(params.key);
  const roll = await bridgeRollCall(b.id);
  return {
    key: params.key!,
    bridge: { name: b.name },
    conference: { title: meetingName(b.conference.title), cancelled: b.conference.status === "CANCELLED" },
    ...roll,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const b = await rollCallBridge(params.key);
  const { status, body } = await markFromLink(request, b, await readForm(request));
  return reply(body, status);
}

export default function BridgeRollCall() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="operator">
      <h1>Điểm danh tại {data.bridge.name}</h1>
      <p className="muted">{data.conference.title}</p>
      {data.conference.cancelled ? (
        <p className="form-error" role="alert">
          Hội nghị đã bị hủy.
        </p>
      ) : null}
      <div className="kpis" aria-live="polite">
        <div className="kpi kpi-passed">
          <div className="kpi-value">
            {data.present} / {data.rows.length}
          </div>
          <div className="kpi-label">đã có mặt</div>
        </div>
        <div className="kpi kpi-failed">
          <div className="kpi-value">{data.absent}</div>
          <div className="kpi-label">vắng mặt</div>
        </div>
      </div>
      <p className="hint">
        Đánh dấu từng đại biểu của điểm cầu: có mặt (dự trực tuyến tại điểm cầu này), vắng mặt kèm lý do, hoặc người dự
        thay kèm họ tên. Đại biểu cũng có thể tự điểm danh bằng mã trên giấy mời qua áp phích QR của điểm cầu.
      </p>
      {data.rows.length === 0 ? (
        <p className="empty">Chưa có đại biểu nào được phân về điểm cầu này.</p>
      ) : (
        <ul className="roll-list">
          {data.rows.map((row) => (
            <AttendeeMark key={row.id} row={row} />
          ))}
        </ul>
      )}
    </div>
  );
}
