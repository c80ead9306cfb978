import { parseWithZod } from "@conform-to/zod/v4";
import { userActor } from "#app/database/audit.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useState, type DragEvent } from "react";
import { addItem, agendaItems, deleteItem, moveOne, reorder, updateItem } from "#app/agenda/agenda.server.ts";
import { agendaIntentSchema } from "#app/agenda/agenda-form.ts";
import { AGENDA_KIND_LABEL, AGENDA_KINDS, overrunMinutes, timeAgenda, type AgendaKind } from "#app/agenda/timing.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { prisma } from "#app/db.server.ts";
import { invitationConference } from "#app/invitations/attendees.server.ts";
import { formatDate, formatTime } from "#app/lib/vietnamese-date.ts";
import type { BreadcrumbHandle } from "#app/components/breadcrumbs.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Chương trình · ${data?.conference.title ?? ""}` },
];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => ({ label: "Chương trình" }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.view");
  const c = await invitationConference(access.conference.id);
  const [items, speeches] = await Promise.all([
    agendaItems(c.id),
    prisma.speech.findMany({
      where: { conferenceId: c.id, speakingOrder: { not: null } },
      orderBy: { speakingOrder: "asc" },
      select: { id: true, title: true, speakerName: true },
    }),
  ]);
  // Without an exact start the programme is timed from 08:00 as a draft.
  const start = c.startsAt ?? new Date("2000-01-01T08:00:00+07:00");
  const timed = timeAgenda(start, items);
  return {
    conference: {
      id: c.id,
      title: c.title,
      date: c.startsAt ? formatDate(c.startsAt) : null,
      end: c.endsAt ? formatTime(c.endsAt) : null,
    },
    canEdit: access.can("conference.edit"),
    speeches,
    overrun: c.startsAt && c.endsAt ? overrunMinutes(c.startsAt, c.endsAt, items) : 0,
    totalMinutes: items.reduce((s, i) => s + i.durationMinutes, 0),
    items: timed.map((t) => ({ ...t.item, from: formatTime(t.startsAt), to: formatTime(t.endsAt) })),
  };
}

type Result = { ok: true } | { ok: false; intent: string; itemId?: string; errors: string[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.edit");
  const user = access.user;
  const c = await invitationConference(access.conference.id);
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: agendaIntentSchema });
  if (submission.status !== "success") {
    const errors = Object.values(submission.reply().error ?? {}).flatMap((e) => e ?? []);
    return Response.json(
      {
        ok: false,
        intent: String(form.get("intent")),
        itemId: String(form.get("itemId") ?? ""),
        errors,
      } satisfies Result,
      { status: 400 },
    );
  }
  const v = submission.value;
  // A linked speech must be one of this conference's.
  if (
    "speechId" in v &&
    v.speechId &&
    !(await prisma.speech.findFirst({ where: { id: v.speechId, conferenceId: c.id }, select: { id: true } }))
  ) {
    return Response.json(
      { ok: false, intent: v.intent, errors: ["Bài tham luận không thuộc hội nghị này"] } satisfies Result,
      { status: 400 },
    );
  }
  const fields = (x: {
    kind: AgendaKind;
    title: string;
    presenter: string;
    durationMinutes: number;
    speechId?: string;
  }) => ({
    kind: x.kind,
    title: x.title,
    presenter: x.presenter,
    durationMinutes: x.durationMinutes,
    speechId: x.speechId || null,
  });
  const found =
    v.intent === "add"
      ? (await addItem(userActor(user), c.id, fields(v)), true)
      : v.intent === "update"
        ? await updateItem(userActor(user), c.id, v.itemId, fields(v))
        : v.intent === "delete"
          ? await deleteItem(userActor(user), c.id, v.itemId)
          : v.intent === "move"
            ? await moveOne(userActor(user), c.id, v.itemId, v.direction)
            : await reorder(userActor(user), c.id, v.order);
  if (!found) throw new Response("Không tìm thấy nội dung này trong chương trình.", { status: 404 });
  return { ok: true } satisfies Result;
}

function ItemFields({
  prefix,
  item,
  speeches,
}: {
  prefix: string;
  item?: { kind: AgendaKind; title: string; presenter: string; durationMinutes: number; speechId: string | null };
  speeches: Array<{ id: string; title: string; speakerName: string }>;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${prefix}-kind`}>Loại</label>
        <select id={`${prefix}-kind`} name="kind" defaultValue={item?.kind ?? "REPORT"}>
          {AGENDA_KINDS.map((k) => (
            <option key={k} value={k}>
              {AGENDA_KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field grow">
        <label htmlFor={`${prefix}-title`}>Nội dung</label>
        <input id={`${prefix}-title`} name="title" type="text" defaultValue={item?.title} required />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-presenter`}>Người trình bày</label>
        <input id={`${prefix}-presenter`} name="presenter" type="text" defaultValue={item?.presenter} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-duration`}>Thời lượng (phút)</label>
        <input
          id={`${prefix}-duration`}
          name="durationMinutes"
          type="number"
          min={1}
          max={600}
          defaultValue={item?.durationMinutes ?? 15}
          required
        />
      </div>
      {speeches.length ? (
        <div className="field">
          <label htmlFor={`${prefix}-speech`}>Bài tham luận, phát biểu</label>
          <select id={`${prefix}-speech`} name="speechId" defaultValue={item?.speechId ?? ""}>
            <option value="">— Không gắn —</option>
            {speeches.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.speakerName})
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}

export default function AgendaPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const fetcher = useFetcher();
  const [dragging, setDragging] = useState<string | null>(null);
  const failed = result && !result.ok ? result : null;
  const onDrop = (target: string) => (e: DragEvent) => {
    e.preventDefault();
    if (!dragging || dragging === target) return;
    const ids = data.items.map((i) => i.id).filter((id) => id !== dragging);
    ids.splice(ids.indexOf(target), 0, dragging);
    const form = new FormData();
    form.set("intent", "reorder");
    ids.forEach((id, i) => form.set(`order[${i}]`, id));
    fetcher.submit(form, { method: "post" });
    setDragging(null);
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>Chương trình hội nghị</h1>
        {data.conference.date ? (
          <a href={`/conferences/${data.conference.id}/agenda.pdf`} className="button">
            Tải chương trình (PDF)
          </a>
        ) : null}
      </div>
      <p className="muted">
        {data.conference.date
          ? `${data.conference.date}, kết thúc dự kiến ${data.conference.end}`
          : "Hội nghị chưa có ngày giờ cụ thể: giờ bên dưới tính tạm từ 08 giờ 00."}{" "}
        · tổng {data.totalMinutes} phút
      </p>
      {data.overrun > 0 ? (
        <p className="problems" role="status">
          Chương trình vượt thời gian kết thúc dự kiến {data.overrun} phút.
        </p>
      ) : null}
      {failed ? (
        <p className="form-error" role="alert">
          {failed.errors.join(" ")}
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p className="empty">Chưa có nội dung nào trong chương trình.</p>
      ) : (
        <ol className="agenda" aria-busy={fetcher.state !== "idle"}>
          {data.items.map((item, i) => (
            <li
              key={item.id}
              draggable={data.canEdit}
              onDragStart={() => setDragging(item.id)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={onDrop(item.id)}
              className={dragging === item.id ? "dragging" : ""}
            >
              <div className="agenda-row">
                <span className="agenda-time">
                  {item.from} – {item.to}
                </span>
                <span className="badge">{AGENDA_KIND_LABEL[item.kind]}</span>
                <span className="strong grow">{item.title}</span>
                <span className="muted">
                  {item.presenter}
                  {item.speech ? ` · bài: “${item.speech.title}”` : ""}
                </span>
                <span className="muted">{item.durationMinutes} phút</span>
                {data.canEdit ? (
                  <span className="agenda-move">
                    <Form method="post">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="itemId" value={item.id} />
                      <button
                        type="submit"
                        name="direction"
                        value="up"
                        disabled={i === 0}
                        aria-label={`Đưa “${item.title}” lên trước`}
                      >
                        ▲
                      </button>
                      <button
                        type="submit"
                        name="direction"
                        value="down"
                        disabled={i === data.items.length - 1}
                        aria-label={`Đưa “${item.title}” xuống sau`}
                      >
                        ▼
                      </button>
                    </Form>
                  </span>
                ) : null}
              </div>
              {data.canEdit ? (
                <details>
                  <summary>Sửa</summary>
                  <Form method="post" className="line-row">
                    <input type="hidden" name="intent" value="update" />
                    <input type="hidden" name="itemId" value={item.id} />
                    <ItemFields prefix={`edit-${item.id}`} item={item} speeches={data.speeches} />
                    <button type="submit">Lưu</button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="itemId" value={item.id} />
                    <button type="submit" className="danger small-button">
                      Xóa khỏi chương trình
                    </button>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {data.canEdit ? (
        <section className="card">
          <h2>Thêm nội dung</h2>
          <Form method="post" className="line-row">
            <input type="hidden" name="intent" value="add" />
            <ItemFields prefix="add" speeches={data.speeches} />
            <button type="submit" className="primary">
              Thêm vào chương trình
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
