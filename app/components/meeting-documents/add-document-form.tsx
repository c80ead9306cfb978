import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { DOCUMENT_AUDIENCE_LABEL, DOCUMENT_AUDIENCES, MEETING_PHASE_LABEL } from "#app/conferences/vocabulary.ts";
import { ACCEPTED_MEETING_DOCUMENTS } from "#app/meeting-documents/file-check.ts";
import { ErrorMessage, Field } from "#app/ui/field.tsx";

// Adding a meeting document: title, file (none for a classified one), phase and audience. Groups and
// bridge points are ticked from the list; attendees are found by a search (a conference may have
// thousands) and kept, chosen, while the search changes.

type Choice = { id: string; label: string };
type Fields = Record<"title" | "note" | "phase" | "audience" | "classified", string> & {
  file: File;
  groupIds: string[];
  bridgePointIds: string[];
  attendeeIds: string[];
};

function Checks({ name, legend, items }: { name: string; legend: string; items: Choice[] }) {
  if (!items.length) return <p className="muted">Hội nghị chưa có {legend.toLowerCase()}.</p>;
  return (
    <fieldset className="plain checks">
      <legend>{legend}</legend>
      {items.map((c) => (
        <label key={c.id} className="check">
          <input type="checkbox" name={name} value={c.id} /> {c.label}
        </label>
      ))}
    </fieldset>
  );
}

function AttendeePicker({ searchUrl }: { searchUrl: string }) {
  const fetcher = useFetcher<{ search: Choice[] | null }>();
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<Choice[]>([]);
  const { load } = fetcher;
  useEffect(() => {
    if (q.trim().length < 2) return;
    const t = setTimeout(() => load(`${searchUrl}&q=${encodeURIComponent(q.trim())}`), 250);
    return () => clearTimeout(t);
  }, [q, searchUrl, load]);
  const found = (q.trim().length >= 2 ? (fetcher.data?.search ?? []) : []).filter(
    (a) => !chosen.some((c) => c.id === a.id),
  );
  return (
    <fieldset className="plain checks">
      <legend>Đại biểu nhận tài liệu</legend>
      {chosen.map((c) => (
        <label key={c.id} className="check">
          <input
            type="checkbox"
            name="attendeeIds"
            value={c.id}
            checked
            onChange={() => setChosen((all) => all.filter((x) => x.id !== c.id))}
          />{" "}
          {c.label}
        </label>
      ))}
      <div className="field">
        <label htmlFor="attendee-search">Tìm đại biểu (họ tên, đơn vị, thư điện tử)</label>
        <input id="attendee-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      </div>
      {found.length ? (
        <ul className="plain-list" aria-label="Kết quả tìm đại biểu">
          {found.map((a) => (
            <li key={a.id}>
              <button type="button" className="small-button" onClick={() => setChosen((all) => [...all, a])}>
                Chọn
              </button>{" "}
              {a.label}
            </li>
          ))}
        </ul>
      ) : q.trim().length >= 2 && fetcher.state === "idle" && fetcher.data?.search?.length === 0 ? (
        <p className="muted">Không tìm thấy đại biểu phù hợp.</p>
      ) : null}
    </fieldset>
  );
}

export function AddDocumentForm({
  choices,
  searchUrl,
  lastResult,
}: {
  choices: { groups: Choice[]; bridges: Choice[] };
  searchUrl: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm<Fields>({
    id: "add-document",
    lastResult,
    defaultValue: { phase: "BEFORE", audience: "EVERYONE" },
  });
  const [audience, setAudience] = useState("EVERYONE");
  const [classified, setClassified] = useState(false);
  return (
    <section className="card">
      <h2>Thêm tài liệu</h2>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="add-document">
        <input type="hidden" name="intent" value="create" />
        <Field label="Tên tài liệu" meta={fields.title}>
          <input {...getInputProps(fields.title, { type: "text" })} />
        </Field>
        <label className="check">
          <input
            type="checkbox"
            name={fields.classified.name}
            checked={classified}
            onChange={(e) => setClassified(e.target.checked)}
          />{" "}
          Tài liệu mật (chỉ ghi tên, không gửi tệp qua mạng)
        </label>
        <Field
          label={
            classified ? "Ghi chú nhận tài liệu (ví dụ: Nhận bản giấy tại Văn phòng UBND tỉnh)" : "Ghi chú (tùy chọn)"
          }
          meta={fields.note}
        >
          <input {...getInputProps(fields.note, { type: "text" })} />
        </Field>
        <Field
          label="Tệp tài liệu (PDF, Word, Excel, PowerPoint; tối đa 10 MB)"
          meta={fields.file}
          hint={classified ? "Tài liệu mật không kèm tệp." : undefined}
        >
          <input {...getInputProps(fields.file, { type: "file" })} accept={ACCEPTED_MEETING_DOCUMENTS} />
        </Field>
        <Field label="Thời điểm gửi" meta={fields.phase}>
          <select {...getSelectProps(fields.phase)}>
            <option value="BEFORE">{MEETING_PHASE_LABEL.BEFORE}</option>
            <option value="AFTER">{MEETING_PHASE_LABEL.AFTER} (bài trình bày, kết luận)</option>
          </select>
        </Field>
        <Field label="Người nhận" meta={fields.audience}>
          <select {...getSelectProps(fields.audience)} onChange={(e) => setAudience(e.target.value)}>
            {DOCUMENT_AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {DOCUMENT_AUDIENCE_LABEL[a]}
              </option>
            ))}
          </select>
        </Field>
        {audience === "GROUPS" ? <Checks name="groupIds" legend="Nhóm đại biểu" items={choices.groups} /> : null}
        {audience === "BRIDGES" ? <Checks name="bridgePointIds" legend="Điểm cầu" items={choices.bridges} /> : null}
        {audience === "ATTENDEES" ? <AttendeePicker searchUrl={searchUrl} /> : null}
        {form.errors ? <ErrorMessage id={form.errorId}>{form.errors.join(" ")}</ErrorMessage> : null}
        <button type="submit" className="primary">
          Thêm tài liệu
        </button>
      </Form>
    </section>
  );
}
