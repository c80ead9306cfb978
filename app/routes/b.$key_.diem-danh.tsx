import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { bridgeRollCall, recordBridgeMark, type BridgeRollCallRow } from "#app/attendance/bridge-roll-call.server.ts";
import { userActor, type AuditActor } from "#app/database/audit.server.ts";
import { conferenceFor } from "#app/auth/guard.server.ts";
import { getUser } from "#app/auth/session.server.ts";
import { bridgeIdForLink, bridgeLinkNotFound } from "#app/bridges/access.server.ts";
import { clientIp } from "#app/lib/client-ip.server.ts";
import { operatorPageMeta } from "#app/bridges/operator-meta.ts";
import bridgesCss from "#app/bridges/bridges.css?url";
import { prisma } from "#app/db.server.ts";
import { meetingName } from "#app/conferences/naming.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bridgesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  operatorPageMeta(`Điểm danh · ${data?.bridge.name ?? "Điểm cầu"}`);

async function bridgeForKey(key: string | undefined) {
  const id = await bridgeIdForLink(key);
  const b = await prisma.bridgePoint.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      hostOrganizationId: true,
      conference: { select: { id: true, organizationId: true, title: true, status: true } },
    },
  });
  if (!b) bridgeLinkNotFound();
  return b;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const b = await bridgeForKey(params.key);
  const roll = await bridgeRollCall(b.id);
  return {
    key: params.key!,
    bridge: { name: b.name },
    conference: { title: meetingName(b.conference.title), cancelled: b.conference.status === "CANCELLED" },
    ...roll,
  };
}

type MarkResult =
  | { ok: true; message: string; attendeeId: string }
  | { ok: false; message: string; field?: string; attendeeId: string };

/**
 * Who is reporting: the link itself is the capability (operators need no account), but a signed-in user
 * who operates this bridge (or organises the conference) is named, so the audit trail says who.
 */
async function reporter(
  request: Request,
  b: Awaited<ReturnType<typeof bridgeForKey>>,
): Promise<{ userId: string | null; actor: AuditActor }> {
  const linkActor: AuditActor = {
    kind: "BRIDGE",
    userId: null,
    label: `${b.name} (đường dẫn điểm cầu)`,
    ip: clientIp(request),
  };
  const user = await getUser(request);
  if (!user) return { userId: null, actor: linkActor };
  try {
    const access = await conferenceFor(user, b.conference.id, "bridges.operate");
    if (!access.onlyOperatedBridges("bridges.operate") || access.operatedBridgeIds.includes(b.id))
      return { userId: user.id, actor: userActor(user) };
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
  }
  return { userId: null, actor: linkActor };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const b = await bridgeForKey(params.key);
  if (b.conference.status === "CANCELLED") {
    return Response.json({ ok: false, message: "Hội nghị đã bị hủy.", attendeeId: "" } satisfies MarkResult, {
      status: 400,
    });
  }
  const { userId, actor } = await reporter(request, b);
  const r = await recordBridgeMark({
    conferenceId: b.conference.id,
    bridge: { id: b.id, name: b.name },
    form: await request.formData(),
    userId,
    actor,
  });
  if (!r.ok) {
    return Response.json(
      { ok: false, message: r.message, field: r.field, attendeeId: r.attendeeId } satisfies MarkResult,
      { status: r.status },
    );
  }
  return Response.json({ ok: true, message: r.message, attendeeId: r.attendeeId } satisfies MarkResult);
}

function statusClass(row: BridgeRollCallRow): string {
  if (row.status === "ABSENT") return "readiness-failed";
  if (row.status) return "readiness-passed";
  return "readiness-untested";
}

function AttendeeMark({ row }: { row: BridgeRollCallRow }) {
  const fetcher = useFetcher<MarkResult>();
  const result = fetcher.data && fetcher.data.attendeeId === row.id ? fetcher.data : null;
  const error = result && !result.ok ? result : null;
  const idp = `m-${row.id}`;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok) formRef.current?.reset();
  }, [result]);
  return (
    <li className="card roll-card">
      <div className="roll-head">
        <div>
          <strong>{row.name}</strong>
          <div className="muted small">{[row.position, row.organizationName].filter(Boolean).join(" · ")}</div>
        </div>
        <span className={`badge ${statusClass(row)}`}>{row.label}</span>
      </div>
      {row.detail ? <p className="small muted roll-detail">{row.detail}</p> : null}
      <fetcher.Form method="post" ref={formRef} className="roll-form" aria-label={`Điểm danh ${row.name}`}>
        <input type="hidden" name="attendeeId" value={row.id} />
        <fieldset className="verdict roll-choices">
          <legend>Kết quả điểm danh</legend>
          <label>
            <input
              type="radio"
              name="status"
              value="PRESENT"
              defaultChecked={row.status !== "ABSENT" && row.status !== "SUBSTITUTE"}
            />{" "}
            Có mặt
          </label>
          <label>
            <input type="radio" name="status" value="ABSENT" defaultChecked={row.status === "ABSENT"} /> Vắng mặt
          </label>
          <label>
            <input type="radio" name="status" value="SUBSTITUTE" defaultChecked={row.status === "SUBSTITUTE"} /> Người
            dự thay
          </label>
        </fieldset>
        <div className="roll-inputs">
          <div className="field reason-field">
            <label htmlFor={`${idp}-reason`}>Lý do vắng mặt</label>
            <input
              id={`${idp}-reason`}
              type="text"
              name="absenceReason"
              maxLength={500}
              aria-invalid={error?.field === "absenceReason" || undefined}
              aria-describedby={error?.field === "absenceReason" ? `${idp}-error` : undefined}
            />
          </div>
          <div className="field sub-field">
            <label htmlFor={`${idp}-sub`}>Họ tên người dự thay</label>
            <input
              id={`${idp}-sub`}
              type="text"
              name="substituteName"
              maxLength={200}
              aria-invalid={error?.field === "substituteName" || undefined}
              aria-describedby={error?.field === "substituteName" ? `${idp}-error` : undefined}
            />
          </div>
        </div>
        {error ? (
          <p className="field-error" id={`${idp}-error`} role="alert">
            {error.message}
          </p>
        ) : null}
        {result?.ok ? (
          <p className="small" role="status">
            {result.message}
          </p>
        ) : null}
        <div className="operator-link">
          <button type="submit" className="primary" disabled={fetcher.state !== "idle"}>
            Lưu
          </button>
          {row.status ? (
            <button
              type="submit"
              name="status"
              value="CLEAR"
              className="small-button"
              disabled={fetcher.state !== "idle"}
            >
              Xóa kết quả
            </button>
          ) : null}
        </div>
      </fetcher.Form>
    </li>
  );
}

export default function BridgeRollCall() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="operator">
      <p className="breadcrumb">
        <Link to={`/b/${data.key}`}>{data.bridge.name}</Link> › Điểm danh
      </p>
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
