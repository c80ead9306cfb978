import { type SubmissionResult } from "@conform-to/react";
import { userActor } from "#app/database/audit.server.ts";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireConference } from "#app/auth/guard.server.ts";
import { notFound } from "#app/auth/guard.server.ts";
import { bridgeConference } from "#app/bridges/access.server.ts";
import { BridgeEditor } from "#app/bridges/bridge-editor.tsx";
import { bridgeSchema, deleteBridgeSchema } from "#app/bridges/bridge-form.ts";
import { bridgeFields, deleteBridge, hostOptions, updateBridge } from "#app/bridges/bridges.server.ts";
import { ensureKeys, operatorLink } from "#app/bridges/links.server.ts";
import { testHistory } from "#app/bridges/readiness.server.ts";
import { CopyButton, ReadinessBadge, TestHistoryTable } from "#app/bridges/components.tsx";
import bridgesCss from "#app/bridges/bridges.css?url";
import { prisma } from "#app/db.server.ts";
import { formatDateTime } from "#app/lib/vietnamese-date.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bridgesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.bridge.name ?? "Điểm cầu"} · Hội nghị CCHC` },
];

async function findBridge(conferenceId: string, bridgeId: string) {
  await ensureKeys({ ids: [bridgeId] });
  const b = await prisma.bridgePoint.findFirst({
    where: { id: bridgeId, conferenceId },
    select: {
      ...bridgeFields,
      posterKey: true,
      testRequestedAt: true,
      _count: { select: { attendees: true } },
    },
  });
  if (!b) notFound("Không tìm thấy điểm cầu này.");
  return b;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "bridges.support");
  const user = access.user;
  const c = await bridgeConference(access);
  const b = await findBridge(c.id, params.bridgeId ?? "");
  const [history, hosts, attendees] = await Promise.all([
    testHistory(b.id),
    c.canManage ? hostOptions(c.organizationId) : Promise.resolve([]),
    prisma.attendee.findMany({
      where: { bridgePointId: b.id, revokedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, position: true, organizationName: true },
    }),
  ]);
  const { accessKey, posterKey, _count, readinessAt, testRequestedAt, ...bridge } = b;
  return {
    conference: { id: c.id, title: c.title },
    canManage: c.canManage,
    bridge: {
      ...bridge,
      // Only organisers see the passcode and the operator's link.
      videoPasscode: c.canManage ? bridge.videoPasscode : "",
      operatorLink: c.canManage ? operatorLink(accessKey!) : "",
      posterPath: c.canManage ? `/d/${posterKey}` : "",
      attendeeCount: _count.attendees,
      readinessAt: readinessAt ? formatDateTime(readinessAt) : null,
      testRequestedAt: testRequestedAt ? formatDateTime(testRequestedAt) : null,
    },
    hosts: hosts.map((h) => ({ id: h.id, name: h.name, depth: h.depth, dissolved: !!h.dissolvedOn })),
    attendees,
    history: history.map(({ createdAt, ...t }) => ({ ...t, when: formatDateTime(createdAt) })),
  };
}

type ActionResult = { intent: "update" | "delete"; result: SubmissionResult<string[]>; message?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  // Only organisers act here; IT support reads the board.
  const access = await requireConference(request, params.id, "bridges.manage");
  const user = access.user;
  const c = await bridgeConference(access);
  const b = await findBridge(c.id, params.bridgeId ?? "");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "update") {
    const s = parseWithZod(form, { schema: bridgeSchema });
    if (s.status !== "success")
      return Response.json({ intent: "update", result: s.reply() } satisfies ActionResult, { status: 400 });
    if (
      s.value.hostOrganizationId &&
      !(await hostOptions(c.organizationId)).some((h) => h.id === s.value.hostOrganizationId)
    ) {
      return Response.json(
        {
          intent: "update",
          result: s.reply({
            fieldErrors: { hostOrganizationId: ["Đơn vị chủ trì phải thuộc cơ quan tổ chức hội nghị"] },
          }),
        } satisfies ActionResult,
        { status: 400 },
      );
    }
    await updateBridge(userActor(user), c.id, b.id, s.value);
    return { intent: "update", result: s.reply(), message: "Đã lưu thông tin điểm cầu." } satisfies ActionResult;
  }
  if (intent === "delete") {
    const s = parseWithZod(form, { schema: deleteBridgeSchema });
    if (s.status !== "success")
      return Response.json({ intent: "delete", result: s.reply() } satisfies ActionResult, { status: 400 });
    await deleteBridge(userActor(user), c.id, b.id);
    return redirect(`/conferences/${c.id}/bridges`);
  }
  throw new Response("Yêu cầu không hợp lệ.", { status: 400 });
}

export default function BridgePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const navigation = useNavigation();
  const b = data.bridge;
  const idle = navigation.state === "idle";
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to={`/conferences/${data.conference.id}`}>{data.conference.title}</Link> ›{" "}
        <Link to={`/conferences/${data.conference.id}/bridges`}>Điểm cầu</Link> › <span>{b.name}</span>
      </nav>
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
      <section className="card">
        <dl className="facts">
          <dt>Đơn vị chủ trì</dt>
          <dd>{b.hostOrganization?.name ?? "—"}</dd>
          <dt>Phòng họp, địa chỉ</dt>
          <dd>{[b.room, b.address].filter(Boolean).join(", ") || "—"}</dd>
          <dt>Phụ trách kỹ thuật</dt>
          <dd>{[b.contactName, b.contactPhone, b.contactEmail].filter(Boolean).join(" · ") || "—"}</dd>
          <dt>Đại biểu dự tại đây</dt>
          <dd>{b.attendeeCount}</dd>
          <dt>Xác nhận kết nối</dt>
          <dd>{b.readinessAt ?? "Chưa kiểm tra"}</dd>
          {b.testRequestedAt ? (
            <>
              <dt>Đã đề nghị kiểm tra</dt>
              <dd>{b.testRequestedAt}</dd>
            </>
          ) : null}
          {data.canManage ? (
            <>
              <dt>Mật khẩu phòng họp</dt>
              <dd>{b.videoPasscode ? <span className="passcode">{b.videoPasscode}</span> : "—"}</dd>
              <dt>Trang của điểm cầu</dt>
              <dd className="operator-link">
                <code>{b.operatorLink}</code>{" "}
                <CopyButton text={b.operatorLink} label={`Sao chép đường dẫn trang ${b.name}`} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="history-head">
        <h2 id="history-head">Lịch sử kiểm tra kết nối</h2>
        <TestHistoryTable rows={data.history} caption={`Lịch sử kiểm tra ${b.name}`} />
      </section>
      {data.attendees.length ? (
        <section className="card">
          <h2>Đại biểu dự tại điểm cầu</h2>
          <ul>
            {data.attendees.map((a) => (
              <li key={a.id}>
                {a.name}
                {a.position ? `, ${a.position}` : ""}
                {a.organizationName ? <span className="muted"> – {a.organizationName}</span> : null}
              </li>
            ))}
          </ul>
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
              lastResult={idle && actionData?.intent === "update" ? actionData.result : undefined}
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
          <section className="card">
            <h2>Xóa điểm cầu</h2>
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <label className="checkbox">
                <input type="checkbox" name="confirm" value="yes" required />
                Tôi muốn xóa {b.name}: {b.attendeeCount} đại biểu chuyển về hội trường chính, lịch sử kiểm tra bị xóa.
              </label>
              {idle && actionData?.intent === "delete" ? (
                <p className="field-error" role="alert">
                  Đánh dấu xác nhận trước khi xóa.
                </p>
              ) : null}
              <p>
                <button type="submit" className="danger">
                  Xóa điểm cầu
                </button>
              </p>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}
