import { parseWithZod } from "@conform-to/zod/v4";
import { userActor } from "#app/database/audit.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useState, type DragEvent, type ReactNode } from "react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import {
  addItem,
  agendaItems,
  agendaValues,
  deleteItem,
  isSpeechOf,
  moveOne,
  reorder,
  updateItem,
} from "#app/agenda/agenda.server.ts";
import { agendaIntentSchema } from "#app/agenda/agenda-form.ts";
import { AGENDA_KIND_LABEL, overrunMinutes, timeAgenda, type AgendaKind } from "#app/agenda/timing.ts";
import { ItemFields, type AgendaItemFields } from "#app/components/agenda/item-fields.tsx";
import { readForm } from "#app/http/form-data.server.ts";
import { formReply } from "#app/http/reply.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { invitationConference } from "#app/invitations/attendees.server.ts";
import { formatDate, formatTime } from "#app/lib/vietnamese-date.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";

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

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.edit");
  const conferenceId = access.conference.id;
  const actor = userActor(access.user);
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: agendaIntentSchema });
  if (submission.status !== "success") return formReply(String(form.get("intent") ?? ""), submission);
  const v = submission.value;
  // A linked speech must be one of this conference's.
  if ("speechId" in v && v.speechId && !(await isSpeechOf(conferenceId, v.speechId)))
    return formReply(v.intent, submission, { fieldErrors: { speechId: ["Bài tham luận không thuộc hội nghị này"] } });
  let found: boolean;
  switch (v.intent) {
    case "add":
      await addItem(actor, conferenceId, agendaValues(v));
      found = true;
      break;
    case "update":
      found = await updateItem(actor, conferenceId, v.itemId, agendaValues(v));
      break;
    case "delete":
      found = await deleteItem(actor, conferenceId, v.itemId);
      break;
    case "move":
      found = await moveOne(actor, conferenceId, v.itemId, v.direction);
      break;
    case "reorder":
      found = await reorder(actor, conferenceId, v.order);
      break;
  }
  if (!found) throw new Response("Không tìm thấy nội dung này trong chương trình.", { status: 404 });
  return formReply(v.intent, submission, { resetForm: v.intent === "add" });
}

/** Adding an item (no `item`) or changing one: its own form, its errors on its fields. */
function ItemForm({
  item,
  speeches,
  lastResult,
  children,
}: {
  item?: {
    id: string;
    kind: AgendaKind;
    title: string;
    presenter: string;
    durationMinutes: number;
    speechId: string | null;
  };
  speeches: Array<{ id: string; title: string; speakerName: string }>;
  lastResult: SubmissionResult<string[]> | undefined;
  children: ReactNode;
}) {
  const [form, fields] = useForm<AgendaItemFields>({
    id: item ? `edit-${item.id}` : "add",
    lastResult,
    defaultValue: item
      ? { ...item, speechId: item.speechId ?? "" }
      : { kind: "REPORT", title: "", presenter: "", durationMinutes: 15, speechId: "" },
  });
  return (
    <Form method="post" className="line-row" {...getFormProps(form)}>
      {item ? (
        <>
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="itemId" value={item.id} />
        </>
      ) : (
        <input type="hidden" name="intent" value="add" />
      )}
      <ItemFields fields={fields} speeches={speeches} />
      {children}
    </Form>
  );
}

export default function AgendaPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fetcher = useFetcher();
  const [dragging, setDragging] = useState<string | null>(null);
  const resultFor = (intent: string, itemId?: string) =>
    actionData?.intent === intent && (!itemId || actionData.result.initialValue?.itemId === itemId)
      ? actionData.result
      : undefined;
  // Errors of the buttons (move, delete, drag and drop) have no field to stand by.
  const buttonIntent = !!actionData && ["move", "delete", "reorder"].includes(actionData.intent);
  const formErrors = buttonIntent ? Object.values(actionData?.result.error ?? {}).flatMap((e) => e ?? []) : [];
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
          <span>
            <a href={`/conferences/${data.conference.id}/agenda.pdf`} className="button">
              Tải chương trình (PDF)
            </a>{" "}
            <a
              href={`/conferences/${data.conference.id}/agenda.docx`}
              className="button"
              aria-label="Tải bản Word (.docx) của chương trình"
            >
              Tải bản Word (.docx)
            </a>
          </span>
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
      {formErrors.length ? (
        <p className="form-error" role="alert">
          {formErrors.join(" ")}
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
                  <ItemForm item={item} speeches={data.speeches} lastResult={resultFor("update", item.id)}>
                    <button type="submit">Lưu</button>
                  </ItemForm>
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
          <ItemForm speeches={data.speeches} lastResult={resultFor("add")}>
            <button type="submit" className="primary">
              Thêm vào chương trình
            </button>
          </ItemForm>
        </section>
      ) : null}
    </div>
  );
}
