import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireConference } from "#app/auth/guard.server.ts";
import { AddDocumentForm } from "#app/components/meeting-documents/add-document-form.tsx";
import { DocumentTable, PublishForm } from "#app/components/meeting-documents/document-table.tsx";
import { userActor } from "#app/database/audit.server.ts";
import { UPLOAD_FILE_MAX_BYTES } from "#app/http/body-limits.server.ts";
import { fileBytes, readForm } from "#app/http/form-data.server.ts";
import { formReply } from "#app/http/reply.server.ts";
import { documentFormSchema } from "#app/meeting-documents/document-form.ts";
import { addDocument, deleteDocument, moveDocument } from "#app/meeting-documents/documents.server.ts";
import { documentsPage, searchAttendees } from "#app/meeting-documents/listing.server.ts";
import css from "#app/meeting-documents/meeting-documents.css?url";
import { publishDocuments } from "#app/meeting-documents/publish.server.ts";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";

export const meta: MetaFunction = () => [{ title: "Tài liệu họp · Hội nghị CCHC" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];
export const handle: BreadcrumbHandle = { breadcrumb: () => ({ label: "Tài liệu họp" }) };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.view");
  const c = access.conference;
  const q = new URL(request.url).searchParams.get("q");
  // The add form's attendee search (the conference may have thousands of attendees).
  if (q !== null) return { search: await searchAttendees(c.id, q) };
  return { search: null, conferenceId: c.id, canEdit: access.can("conference.edit"), ...(await documentsPage(c.id)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireConference(request, params.id, "conference.edit");
  const conferenceId = access.conference.id;
  const actor = userActor(access.user);
  const form = await readForm(request, UPLOAD_FILE_MAX_BYTES);
  const submission = parseWithZod(form, { schema: documentFormSchema });
  const intent = String(form.get("intent") ?? "");
  if (submission.status !== "success") return formReply(intent, submission);
  const v = submission.value;
  switch (v.intent) {
    case "create": {
      const { intent: _intent, ...draft } = v;
      const done = await addDocument(
        actor,
        conferenceId,
        draft,
        await fileBytes(form.get("file")),
        UPLOAD_FILE_MAX_BYTES,
      );
      if (!done.ok)
        return formReply(v.intent, submission, { fieldErrors: { [done.field]: [done.error] }, refused: true });
      return formReply(v.intent, submission, { message: `Đã thêm tài liệu “${v.title}”.`, resetForm: true });
    }
    case "move":
    case "delete": {
      const found =
        v.intent === "move"
          ? await moveDocument(actor, conferenceId, v.documentId, v.direction)
          : await deleteDocument(actor, conferenceId, v.documentId);
      if (!found) throw new Response("Không tìm thấy tài liệu này.", { status: 404 });
      return formReply(v.intent, submission, { message: v.intent === "move" ? "Đã đổi thứ tự." : "Đã xóa tài liệu." });
    }
    case "publish": {
      const done = await publishDocuments(actor, conferenceId, v.documentIds);
      if (!done.ok) return formReply(v.intent, submission, { formErrors: [done.error], refused: true });
      const sent = `Đã công bố ${done.published} tài liệu; ${done.queued} thư thông báo đang chờ gửi.`;
      return formReply(v.intent, submission, { message: done.warning ? `${sent} ${done.warning}` : sent });
    }
  }
}

export default function DocumentsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!("documents" in data)) return null;
  const formErrors =
    actionData && actionData.intent !== "create" ? (actionData.result.error?.[""] ?? []).filter(Boolean) : [];
  const waiting = data.documents.filter((d) => !d.publishedAt);
  return (
    <div className="page meeting-documents">
      <h1>Tài liệu họp</h1>
      <p className="hint">
        Tài liệu gửi đại biểu qua trang giấy mời cá nhân; điểm cầu xem tại trang vận hành điểm cầu. Tài liệu mật chỉ ghi
        tên, không gửi tệp qua mạng.
      </p>
      {data.warning ? (
        <p className="problems" role="note" data-testid="documents-deadline">
          {data.warning}
        </p>
      ) : null}
      {actionData?.message ? (
        <p role="status" className="up">
          {actionData.message}
        </p>
      ) : formErrors.length ? (
        <p className="form-error" role="alert">
          {formErrors.join(" ")}
        </p>
      ) : null}
      <DocumentTable conferenceId={data.conferenceId} documents={data.documents} canEdit={data.canEdit} />
      {data.canEdit && waiting.length ? <PublishForm waiting={waiting} /> : null}
      {data.canEdit ? (
        <AddDocumentForm
          // A fresh form (audience, chosen attendees) after each document added.
          key={data.documents.length}
          choices={data.choices}
          searchUrl={`/conferences/${data.conferenceId}/documents?index`}
          lastResult={actionData?.intent === "create" ? actionData.result : undefined}
        />
      ) : null}
    </div>
  );
}
