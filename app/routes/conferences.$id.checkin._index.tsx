import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { userActor } from "#app/database/audit.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import {
  checkinScope,
  createBridgeLists,
  createList,
  deleteList,
  listCounts,
  listNameSchema,
  nameTaken,
  renameList,
  visibleLists,
} from "#app/checkin/lists.server.ts";
import scannerStyles from "#app/checkin/scanner/scanner.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scannerStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Điểm danh · ${data?.conference.title ?? ""}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await checkinScope(await requireConference(request, params.id, "attendance.take"));
  const lists = await visibleLists(access);
  const counts = await listCounts(access.conference.id, lists);
  // Only managers see the bridge points and this figure, and they see every list.
  const covered = new Set(lists.map((l) => l.bridgePointId));
  const bridgePoints = access.canManage ? access.conference.bridgePoints : [];
  return {
    conference: {
      id: access.conference.id,
      title: access.conference.title,
      cancelled: access.conference.status === "CANCELLED",
    },
    canManage: access.canManage,
    bridgePoints: bridgePoints.map((b) => ({ id: b.id, name: b.name })),
    bridgesWithoutList: bridgePoints.filter((b) => !b.isMain && !covered.has(b.id)).length,
    lists: lists.map((l) => ({
      id: l.id,
      name: l.name,
      bridgePointName: l.bridgePoint?.name ?? null,
      ...counts.get(l.id)!,
    })),
  };
}

const intents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), name: listNameSchema, bridgePointId: z.string().max(64).optional() }),
  z.object({ intent: z.literal("rename"), listId: z.string().min(1), name: listNameSchema }),
  z.object({ intent: z.literal("delete"), listId: z.string().min(1) }),
  z.object({ intent: z.literal("bridge-lists") }),
]);

type Result = { ok: true; message: string } | { ok: false; message: string; listId?: string };

/** The write's result, or false when another request took the same list name meanwhile (unique key). */
async function uniqueName<T>(write: () => Promise<T>): Promise<T | false> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Every intent changes the lists: "conference.edit" (check-in staff and operators only use them).
  const guarded = await requireConference(request, params.id, "conference.edit");
  const access = await checkinScope(guarded);
  const conferenceId = access.conference.id;
  const organizationId = access.conference.organizationId;
  const actor = userActor(guarded.user);
  const submission = parseWithZod(await request.formData(), { schema: intents });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {})
      .flat()
      .filter(Boolean);
    return Response.json({ ok: false, message: errors.join(" ") || "Dữ liệu gửi lên không hợp lệ." } satisfies Result, {
      status: 400,
    });
  }
  const v = submission.value;
  const fail = (message: string, status = 400, listId?: string) =>
    Response.json({ ok: false, message, listId } satisfies Result, { status });
  switch (v.intent) {
    case "create": {
      const bridgePointId = v.bridgePointId || null;
      if (bridgePointId && !access.conference.bridgePoints.some((b) => b.id === bridgePointId))
        return fail("Điểm cầu không thuộc hội nghị này.");
      if (await nameTaken(conferenceId, v.name)) return fail(`Đã có danh sách “${v.name}”; hãy đặt tên khác.`);
      if (!(await uniqueName(() => createList(conferenceId, organizationId, v.name, bridgePointId, actor))))
        return fail(`Đã có danh sách “${v.name}”; hãy đặt tên khác.`);
      return Response.json({ ok: true, message: `Đã tạo danh sách “${v.name}”.` } satisfies Result);
    }
    case "rename": {
      if (await nameTaken(conferenceId, v.name, v.listId))
        return fail(`Đã có danh sách “${v.name}”; hãy đặt tên khác.`, 400, v.listId);
      const list = await uniqueName(() => renameList(conferenceId, organizationId, v.listId, v.name, actor));
      if (list === false) return fail(`Đã có danh sách “${v.name}”; hãy đặt tên khác.`, 400, v.listId);
      if (!list) return fail("Không tìm thấy danh sách điểm danh này.", 404);
      return Response.json({ ok: true, message: `Đã đổi tên thành “${v.name}”.` } satisfies Result);
    }
    case "delete": {
      // Attendance recorded through it stays (its list becomes empty); so do the scans.
      const list = await deleteList(conferenceId, organizationId, v.listId, actor);
      if (!list) return fail("Không tìm thấy danh sách điểm danh này.", 404);
      return Response.json({
        ok: true,
        message: `Đã xóa danh sách “${list.name}”; kết quả điểm danh vẫn được giữ.`,
      } satisfies Result);
    }
    case "bridge-lists": {
      const n = await createBridgeLists(conferenceId, organizationId, actor);
      return Response.json({
        ok: true,
        message: n ? `Đã tạo ${n} danh sách cho các điểm cầu.` : "Mọi điểm cầu đều đã có danh sách điểm danh.",
      } satisfies Result);
    }
  }
}

export default function CheckinLists() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const busy = useNavigation().state !== "idle";
  const base = `/conferences/${data.conference.id}/checkin`;
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to={`/conferences/${data.conference.id}`}>{data.conference.title}</Link> › <span>Điểm danh</span>
      </nav>
      <h1>Danh sách điểm danh</h1>
      <p className="muted">
        Mỗi cổng vào hội trường hoặc mỗi điểm cầu có một danh sách; nhân viên mở máy quét của danh sách trên điện thoại
        để quét mã QR trên giấy mời. Đại biểu điểm danh ở danh sách của điểm cầu được tính là dự trực tuyến.
      </p>
      {data.conference.cancelled ? (
        <p className="form-error" role="alert">
          Hội nghị đã bị hủy: mọi lượt quét sẽ bị từ chối.
        </p>
      ) : null}
      {result ? (
        result.ok ? (
          <p role="status" className="up">
            {result.message}
          </p>
        ) : (
          <p className="form-error" role="alert">
            {result.message}
          </p>
        )
      ) : null}
      {data.lists.length === 0 ? (
        <p className="empty">Chưa có danh sách điểm danh nào.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Danh sách</th>
              <th scope="col">Nơi điểm danh</th>
              <th scope="col">Đã có mặt</th>
              <th scope="col">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.lists.map((l) => (
              <tr key={l.id}>
                <td className="strong">{l.name}</td>
                <td>{l.bridgePointName ? `Trực tuyến tại ${l.bridgePointName}` : "Trực tiếp tại hội trường"}</td>
                <td>
                  <span className="strong">
                    {l.present} / {l.expected} đã có mặt
                  </span>
                  <br />
                  <span className="muted small">qua danh sách này: {l.here}</span>
                </td>
                <td>
                  <Link to={`${base}/${l.id}`} className="button primary" aria-label={`Mở máy quét: ${l.name}`}>
                    Mở máy quét
                  </Link>
                  {data.canManage ? (
                    <details className="checkin-manage">
                      <summary>Đổi tên, xóa</summary>
                      <Form method="post" className="checkin-inline-form">
                        <input type="hidden" name="intent" value="rename" />
                        <input type="hidden" name="listId" value={l.id} />
                        <label htmlFor={`rename-${l.id}`}>Tên mới</label>
                        <input
                          type="text"
                          id={`rename-${l.id}`}
                          name="name"
                          defaultValue={l.name}
                          required
                          maxLength={120}
                        />
                        <button type="submit" disabled={busy}>
                          Đổi tên
                        </button>
                      </Form>
                      <Form
                        method="post"
                        onSubmit={(e) => {
                          if (!confirm(`Xóa danh sách “${l.name}”? Kết quả điểm danh vẫn được giữ.`))
                            e.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="listId" value={l.id} />
                        <button type="submit" className="danger" disabled={busy}>
                          Xóa danh sách
                        </button>
                      </Form>
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.canManage ? (
        <section className="card" aria-labelledby="new-list">
          <h2 id="new-list">Thêm danh sách</h2>
          {data.bridgesWithoutList > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="bridge-lists" />
              <p>
                {data.bridgesWithoutList} điểm cầu chưa có danh sách điểm danh.{" "}
                <button type="submit" disabled={busy}>
                  Tạo danh sách cho từng điểm cầu
                </button>
              </p>
            </Form>
          ) : null}
          <Form method="post" className="grid-2">
            <input type="hidden" name="intent" value="create" />
            <div className="field">
              <label htmlFor="list-name">Tên danh sách</label>
              <input type="text" id="list-name" name="name" required maxLength={120} placeholder="Cổng chính" />
            </div>
            <div className="field">
              <label htmlFor="list-bridge">Nơi điểm danh</label>
              <select id="list-bridge" name="bridgePointId" defaultValue="">
                <option value="">Hội trường (trực tiếp)</option>
                {data.bridgePoints.map((b) => (
                  <option key={b.id} value={b.id}>
                    Điểm cầu: {b.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <button type="submit" className="primary" disabled={busy}>
                Thêm danh sách
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
