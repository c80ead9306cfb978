import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Field } from "#app/ui/field.tsx";
import { SearchForm, searchOutcome } from "#app/ui/search-form.tsx";

// Adding an award by hand, and from a file. The awardee to invite is chosen among the attendees a search
// finds (a conference may have 100,000 of them): the search is a GET form of its own, before the add form.

const TEXT_FIELDS = [
  ["recipientName", "Tên tập thể, cá nhân"],
  ["organizationName", "Cơ quan, đơn vị"],
  ["form", "Hình thức khen thưởng"],
  ["achievement", "Thành tích"],
  ["decisionNumber", "Số quyết định"],
] as const;

type AwardField = (typeof TEXT_FIELDS)[number][0] | "recipientKind" | "decisionDate" | "attendeeId";

export interface AwardeeSearch {
  q: string;
  searched: boolean;
  more: boolean;
  matches: Array<{ id: string; label: string }>;
}

export function AddAwardSection({
  search,
  lastResult,
}: {
  search: AwardeeSearch;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm<Record<AwardField, string>>({
    id: "add-award",
    lastResult,
    defaultValue: { recipientKind: "INDIVIDUAL" },
  });
  return (
    <section className="card">
      <h2>Thêm khen thưởng</h2>
      <SearchForm
        id="awardee-q"
        name="aq"
        label="Tìm đại biểu nhận khen thưởng"
        value={search.q}
        placeholder="Họ tên, chức vụ, đơn vị, thư điện tử"
      />
      <p className="muted small" role="status">
        {searchOutcome({ ...search, shown: search.matches.length })}
      </p>
      <Form method="post" className="grid-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add" />
        <Field label="Đối tượng" meta={fields.recipientKind}>
          <select {...getSelectProps(fields.recipientKind)}>
            <option value="INDIVIDUAL">Cá nhân</option>
            <option value="COLLECTIVE">Tập thể</option>
          </select>
        </Field>
        {TEXT_FIELDS.map(([name, label]) => (
          <Field key={name} label={label} meta={fields[name]}>
            <input {...getInputProps(fields[name], { type: "text" })} />
          </Field>
        ))}
        <Field label="Ngày quyết định" meta={fields.decisionDate}>
          <input {...getInputProps(fields.decisionDate, { type: "date" })} />
        </Field>
        <Field label="Đại biểu nhận (để mời dự)" meta={fields.attendeeId}>
          <select {...getSelectProps(fields.attendeeId)}>
            <option value="">— Chưa gắn —</option>
            {search.matches.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </Field>
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
            Cột: Loại (Tập thể/Cá nhân), Tên, Cơ quan, Thành tích, Hình thức khen thưởng, Số quyết định, Ngày quyết định
            (dd/mm/yyyy).
          </p>
        </div>
        <button type="submit">Nhập danh sách</button>
      </Form>
    </section>
  );
}
