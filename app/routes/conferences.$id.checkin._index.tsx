import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireConference } from "#app/auth/guard.server.ts";
import {
  addBridgeLists,
  addList,
  listNameSchema,
  removeList,
  renameListNamed,
  type ListChange,
} from "#app/checkin/list-admin.server.ts";
import { ManageListForms, NewListForm } from "#app/checkin/lists/list-forms.tsx";
import { bridgesWithoutList, checkinScope, listCounts, listPage } from "#app/checkin/lists.server.ts";
import scannerStyles from "#app/checkin/scanner/scanner.css?url";
import { userActor } from "#app/database/audit.server.ts";
import { bridgeChoices } from "#app/database/bridge-search.server.ts";
import { PageLinks } from "#app/ui/page-links.tsx";
import { SearchForm } from "#app/ui/search-form.tsx";
import { formReply, reply } from "#app/http/reply.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scannerStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Điểm danh · ${data?.conference.title ?? ""}` },
];

export const handle = { breadcrumb: () => ({ label: "Điểm danh" }) };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await checkinScope(await requireConference(request, params.id, "attendance.take"));
  const search = new URL(request.url).searchParams;
  const q = (search.get("q") ?? "").slice(0, 100);
  const { lists, paging } = await listPage(access, { q, page: Number.parseInt(search.get("page") ?? "1", 10) || 1 });
  // Only managers see the bridge points and this figure, and they see every list.
  const [counts, withoutList, choices] = await Promise.all([
    listCounts(access.conference.id, lists),
    access.canManage ? bridgesWithoutList(access.conference.id) : 0,
    access.canManage ? bridgeChoices(access.conference.id, search.get("bq") ?? "") : null,
  ]);
  return {
    conference: {
      id: access.conference.id,
      title: access.conference.title,
      cancelled: access.conference.status === "CANCELLED",
    },
    canManage: access.canManage,
    bridgePoints: choices ?? { rows: [], total: 0, matching: 0, searched: false, limited: false, q: "" },
    bridgesWithoutList: withoutList,
    paging,
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

export async function action({ request, params }: ActionFunctionArgs) {
  // Every intent changes the lists: "conference.edit" (check-in staff and operators only use them).
  const guarded = await requireConference(request, params.id, "conference.edit");
  const access = await checkinScope(guarded);
  const actor = userActor(guarded.user);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: intents });
  const listId = String(formData.get("listId") ?? "") || undefined;
  if (submission.status !== "success") return formReply(String(formData.get("intent") ?? ""), submission);
  const v = submission.value;
  let change: ListChange;
  switch (v.intent) {
    case "create":
      change = await addList(access, actor, v);
      break;
    case "rename":
      change = await renameListNamed(access, actor, v);
      break;
    case "delete":
      change = await removeList(access, actor, v.listId);
      break;
    case "bridge-lists":
      change = await addBridgeLists(access, actor);
      break;
  }
  if (change.ok) {
    return reply({ intent: v.intent, listId, result: submission.reply({ resetForm: true }), message: change.message });
  }
  const result = change.field
    ? submission.reply({ fieldErrors: { [change.field]: [change.message] } })
    : submission.reply({ formErrors: [change.message] });
  return reply({ intent: v.intent, listId, result }, change.field ? 400 : 404);
}

export default function CheckinLists() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const base = `/conferences/${data.conference.id}/checkin`;
  return (
    <div className="page">
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
      {answer && "message" in answer && typeof answer.message === "string" ? (
        <p role="status" className="up">
          {answer.message}
        </p>
      ) : null}
      {data.paging.matching > data.paging.perPage || data.paging.q ? (
        <>
          <SearchForm
            id="list-q"
            name="q"
            label="Tìm danh sách"
            value={data.paging.q}
            placeholder="Tên danh sách, tên điểm cầu"
          />
          <p className="muted small" role="status">
            {data.paging.matching === 0
              ? "Không có danh sách nào khớp."
              : `Danh sách ${data.paging.from.toLocaleString("vi-VN")}–${(data.paging.from + data.lists.length - 1).toLocaleString("vi-VN")} trong ${data.paging.matching.toLocaleString("vi-VN")}${data.paging.q ? " khớp" : ""}.`}
          </p>
        </>
      ) : null}
      {data.lists.length === 0 ? (
        data.paging.q ? null : (
          <p className="empty">Chưa có danh sách điểm danh nào.</p>
        )
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
                  {data.canManage ? <ManageListForms list={l} answer={answer} busy={busy} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.paging.pages > 1 ? (
        <PageLinks page={data.paging.page} pages={data.paging.pages} label="Trang danh sách điểm danh" />
      ) : null}
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
          <NewListForm answer={answer} bridgePoints={data.bridgePoints} busy={busy} />
        </section>
      ) : null}
    </div>
  );
}
