import { parseWithZod } from "@conform-to/zod/v4";
import { userActor } from "#app/database/audit.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { fileBytes, readForm } from "#app/http/form-data.server.ts";
import { requireConference } from "#app/auth/guard.server.ts";
import { AWARD_STATUS_LABEL, awardSchema, RECIPIENT_KIND_LABEL } from "#app/awards/award-form.ts";
import { parseAwards } from "#app/awards/award-import.ts";
import { addAwards, listAwards, moveAward, setAwardStatus } from "#app/awards/awards.server.ts";
import { ImportErrorsTable } from "#app/components/import-errors.tsx";
import { prisma } from "#app/db.server.ts";
import { invitationConference } from "#app/invitations/attendees.server.ts";
import { formatDate } from "#app/lib/vietnamese-date.ts";
import { readTable, type ImportError } from "#app/scoring/import.ts";
import type { BreadcrumbHandle } from "#app/components/breadcrumbs.tsx";

export const meta: MetaFunction = () => [{ title: "Khen thưởng · Hội nghị CCHC" }];

export const handle: BreadcrumbHandle = {
  breadcrumb: () => ({ label: "Khen thưởng" }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.view");
  const c = await invitationConference(access.conference.id);
  const [awards, attendees] = await Promise.all([
    listAwards(c.id),
    prisma.attendee.findMany({
      where: { conferenceId: c.id, revokedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, organizationName: true },
    }),
  ]);
  return {
    conference: { id: c.id, title: c.title },
    canEdit: access.can("conference.edit"),
    attendees,
    awards: awards.map((a) => ({
      ...a,
      decision: [a.decisionNumber && `QĐ số ${a.decisionNumber}`, a.decisionDate && formatDate(a.decisionDate)]
        .filter(Boolean)
        .join(", "),
      invited: a.attendee
        ? `${a.attendee.name} (${a.attendee.rsvp === "ACCEPTED" ? "đã xác nhận dự" : "đã mời"})`
        : null,
    })),
  };
}

const intents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("move"), awardId: z.string().min(1), direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("status"), awardId: z.string().min(1), status: z.enum(["PROPOSED", "APPROVED"]) }),
]);

type Result =
  | { ok: true; message: string }
  | { ok: false; errors: string[]; rowErrors?: ImportError[]; fieldErrors?: Record<string, string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.edit");
  const user = access.user;
  const c = await invitationConference(access.conference.id);
  const form = await readForm(request);
  const fail = (r: Omit<Extract<Result, { ok: false }>, "ok">) =>
    Response.json({ ok: false, ...r } satisfies Result, { status: 400 });
  const intent = form.get("intent");
  if (intent === "add") {
    const s = parseWithZod(form, { schema: awardSchema });
    if (s.status !== "success")
      return fail({
        errors: [],
        fieldErrors: Object.fromEntries(Object.entries(s.reply().error ?? {}).map(([k, v]) => [k, v ?? []])),
      });
    if (
      s.value.attendeeId &&
      !(await prisma.attendee.findFirst({
        where: { id: s.value.attendeeId, conferenceId: c.id },
        select: { id: true },
      }))
    ) {
      return fail({ errors: ["Đại biểu không thuộc hội nghị này"] });
    }
    await addAwards(userActor(user), c.id, [s.value]);
    return { ok: true, message: `Đã thêm ${s.value.recipientName}.` } satisfies Result;
  }
  if (intent === "import") {
    const file = await fileBytes(form.get("file"));
    if (!file) return fail({ errors: ["Chọn tệp danh sách khen thưởng (.xlsx hoặc .csv)"] });
    let table;
    try {
      table = await readTable({ fileName: file.name, data: file.data });
    } catch (error) {
      return fail({ errors: [error instanceof Error ? error.message : "Không đọc được tệp"] });
    }
    const parsed = parseAwards(table);
    if (!parsed.ok)
      return fail({ errors: [`Tệp có ${parsed.errors.length} lỗi, chưa thêm dòng nào.`], rowErrors: parsed.errors });
    await addAwards(userActor(user), c.id, parsed.awards, file.name);
    return { ok: true, message: `Đã thêm ${parsed.awards.length} khen thưởng từ tệp.` } satisfies Result;
  }
  const s = intents.safeParse(Object.fromEntries(form));
  if (!s.success) return fail({ errors: ["Yêu cầu không hợp lệ."] });
  const found =
    s.data.intent === "move"
      ? await moveAward(userActor(user), c.id, s.data.awardId, s.data.direction)
      : await setAwardStatus(userActor(user), c.id, s.data.awardId, s.data.status);
  if (!found) throw new Response("Không tìm thấy khen thưởng này.", { status: 404 });
  return { ok: true, message: "Đã cập nhật." } satisfies Result;
}

export default function AwardsPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const failed = result && !result.ok ? result : null;
  const err = (k: string) => failed?.fieldErrors?.[k]?.join(" ");
  return (
    <div className="page">
      <div className="page-head">
        <h1>Danh sách khen thưởng</h1>
        {data.awards.length ? (
          <a href={`/conferences/${data.conference.id}/awards.pdf`} className="button">
            Tải danh sách (PDF)
          </a>
        ) : null}
      </div>
      {result?.ok ? (
        <p role="status" className="up">
          {result.message}
        </p>
      ) : failed?.errors.length ? (
        <div className="form-error" role="alert">
          {failed.errors.join(" ")}
          {failed.rowErrors ? <ImportErrorsTable errors={failed.rowErrors} /> : null}
        </div>
      ) : null}
      {data.awards.length === 0 ? (
        <p className="empty">Chưa có khen thưởng nào.</p>
      ) : (
        <table className="table awards">
          <thead>
            <tr>
              <th scope="col">Thứ tự trao</th>
              <th scope="col">Tập thể, cá nhân</th>
              <th scope="col">Hình thức</th>
              <th scope="col">Thành tích</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {data.awards.map((a, i) => (
              <tr key={a.id}>
                <td>
                  {i + 1}
                  {data.canEdit ? (
                    <Form method="post" className="agenda-move">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="awardId" value={a.id} />
                      <button
                        type="submit"
                        name="direction"
                        value="up"
                        disabled={i === 0}
                        aria-label={`Đưa ${a.recipientName} lên trước`}
                      >
                        ▲
                      </button>
                      <button
                        type="submit"
                        name="direction"
                        value="down"
                        disabled={i === data.awards.length - 1}
                        aria-label={`Đưa ${a.recipientName} xuống sau`}
                      >
                        ▼
                      </button>
                    </Form>
                  ) : null}
                </td>
                <td>
                  <span className="strong">{a.recipientName}</span>{" "}
                  <span className="muted small">({RECIPIENT_KIND_LABEL[a.recipientKind]})</span>
                  <div className="muted small">{a.organizationName}</div>
                  {a.invited ? <div className="small">Đại biểu: {a.invited}</div> : null}
                </td>
                <td>
                  {a.form}
                  {a.decision ? <div className="muted small">{a.decision}</div> : null}
                </td>
                <td>{a.achievement}</td>
                <td>
                  <span className={`badge ${a.status === "APPROVED" ? "status-held" : "status-draft"}`}>
                    {AWARD_STATUS_LABEL[a.status]}
                  </span>
                  {data.canEdit ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="status" />
                      <input type="hidden" name="awardId" value={a.id} />
                      <button
                        type="submit"
                        name="status"
                        value={a.status === "APPROVED" ? "PROPOSED" : "APPROVED"}
                        className="link-button small"
                      >
                        {a.status === "APPROVED" ? "Chuyển về đề nghị" : "Duyệt"}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.canEdit ? (
        <section className="card">
          <h2>Thêm khen thưởng</h2>
          <Form method="post" className="grid-4">
            <input type="hidden" name="intent" value="add" />
            <div className="field">
              <label htmlFor="recipientKind">Đối tượng</label>
              <select id="recipientKind" name="recipientKind" defaultValue="INDIVIDUAL">
                <option value="INDIVIDUAL">Cá nhân</option>
                <option value="COLLECTIVE">Tập thể</option>
              </select>
            </div>
            {(
              [
                ["recipientName", "Tên tập thể, cá nhân"],
                ["organizationName", "Cơ quan, đơn vị"],
                ["form", "Hình thức khen thưởng"],
                ["achievement", "Thành tích"],
                ["decisionNumber", "Số quyết định"],
              ] as const
            ).map(([name, label]) => (
              <div key={name} className={`field ${err(name) ? "has-error" : ""}`}>
                <label htmlFor={`award-${name}`}>{label}</label>
                <input id={`award-${name}`} name={name} type="text" aria-invalid={err(name) ? true : undefined} />
                {err(name) ? <p className="field-error">{err(name)}</p> : null}
              </div>
            ))}
            <div className="field">
              <label htmlFor="award-decisionDate">Ngày quyết định</label>
              <input id="award-decisionDate" name="decisionDate" type="date" />
            </div>
            <div className="field">
              <label htmlFor="award-attendee">Đại biểu nhận (để mời dự)</label>
              <select id="award-attendee" name="attendeeId">
                <option value="">— Chưa gắn —</option>
                {data.attendees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                    {a.organizationName ? ` – ${a.organizationName}` : ""}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <button type="submit">Thêm</button>
            </div>
          </Form>
          <Form method="post" encType="multipart/form-data" className="filters">
            <input type="hidden" name="intent" value="import" />
            <div className="field">
              <label htmlFor="award-file">Nhập từ tệp (.xlsx hoặc .csv)</label>
              <input id="award-file" name="file" type="file" accept=".xlsx,.csv" required />
              <p className="hint">
                Cột: Loại (Tập thể/Cá nhân), Tên, Cơ quan, Thành tích, Hình thức khen thưởng, Số quyết định, Ngày quyết
                định (dd/mm/yyyy).
              </p>
            </div>
            <button type="submit">Nhập danh sách</button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
