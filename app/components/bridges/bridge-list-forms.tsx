import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { assignSchema, bulkBridgeSchema } from "#app/bridges/bridge-form.ts";
import { BridgeChoiceSearch, BridgeOptions, type BridgeChoiceList } from "#app/ui/bridge-choice.tsx";
import type { Paging } from "#app/components/bridges/bridge-list.tsx";
import { Field } from "#app/ui/field.tsx";
import { FieldsetErrors } from "#app/ui/fieldset-errors.tsx";
import { searchOutcome } from "#app/ui/search-form.tsx";

/** One bridge point per child organisation of a parent the user may pick. */
export function BulkForm({
  parents,
  lastResult,
}: {
  parents: Array<{ id: string; name: string; children: number }>;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "bulk-bridges",
    lastResult,
    defaultValue: { onlyAdministrative: true },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bulkBridgeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="bulk" />
      <div className="filters">
        <Field label="Cơ quan cấp trên" meta={fields.parentId}>
          <select {...getSelectProps(fields.parentId)} key={fields.parentId.key}>
            <option value="">— Chọn —</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.children} đơn vị trực thuộc)
              </option>
            ))}
          </select>
        </Field>
        <div className="field checkbox-field">
          <label className="checkbox" htmlFor={fields.onlyAdministrative.id}>
            <input
              type="checkbox"
              id={fields.onlyAdministrative.id}
              name={fields.onlyAdministrative.name}
              defaultChecked
              key={fields.onlyAdministrative.key}
            />
            Chỉ đơn vị hành chính (bỏ qua sở, phòng, cơ quan chuyên môn)
          </label>
        </div>
        <div className="field">
          <button type="submit">Tạo điểm cầu theo đơn vị trực thuộc</button>
        </div>
      </div>
      <p className="hint">
        Mỗi đơn vị trực thuộc một điểm cầu “Điểm cầu &lt;tên đơn vị&gt;”; bỏ qua đơn vị đã có điểm cầu và đơn vị đã giải
        thể, sáp nhập trước ngày hội nghị. Đại biểu thuộc đơn vị được chuyển về điểm cầu mới.
      </p>
    </Form>
  );
}

function AssignForm({
  bridges,
  attendees,
  lastResult,
}: {
  bridges: BridgeChoiceList;
  attendees: Array<{ id: string; label: string; site: string }>;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: "assign-attendees",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="assign" />
      <fieldset
        className="checklist"
        aria-describedby={fields.attendeeIds.errors ? fields.attendeeIds.errorId : undefined}
      >
        <legend>Đại biểu</legend>
        <div className="assign-list">
          {attendees.map((a) => (
            <label key={a.id}>
              <input type="checkbox" name="attendeeIds" value={a.id} />
              <span>
                {a.label} <span className="muted small">(hiện tại: {a.site})</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FieldsetErrors meta={fields.attendeeIds} />
      <div className="filters">
        <Field label="Chuyển về" meta={fields.target}>
          <select id={fields.target.id} name={fields.target.name} key={fields.target.key} defaultValue="">
            <option value="">Hội trường chính (dự trực tiếp)</option>
            <BridgeOptions choices={bridges} />
          </select>
        </Field>
        <div className="field">
          <button type="submit">Phân đại biểu</button>
        </div>
      </div>
    </Form>
  );
}

/** Assigning attendees to bridge points: a search from fifty attendees, then the ticked ones move. */
export function AssignSection({
  paging,
  totalAttendees,
  bridges,
  attendees,
  lastResult,
}: {
  paging: Paging;
  totalAttendees: number;
  bridges: BridgeChoiceList;
  attendees: Array<{ id: string; label: string; site: string }>;
  lastResult?: SubmissionResult<string[]>;
}) {
  return (
    <section className="card">
      <h2>Phân đại biểu về điểm cầu</h2>
      {totalAttendees > 50 ? (
        <Form method="get" className="filters" role="search">
          {paging.q ? <input type="hidden" name="q" value={paging.q} /> : null}
          {paging.page > 1 ? <input type="hidden" name="page" value={paging.page} /> : null}
          {paging.bq ? <input type="hidden" name="bq" value={paging.bq} /> : null}
          <div className="field">
            <label htmlFor="attendee-q">Tìm đại biểu</label>
            <input
              id="attendee-q"
              name="aq"
              type="search"
              defaultValue={paging.aq}
              placeholder="Họ tên, cơ quan, điểm cầu hiện tại"
            />
          </div>
          <div className="field">
            <button type="submit">Tìm</button>
          </div>
        </Form>
      ) : null}
      {paging.attendeesSearched ? (
        <p className="muted small" role="status">
          {searchOutcome({ q: paging.aq, searched: true, shown: attendees.length, more: paging.attendeesMore })}
        </p>
      ) : paging.aq ? (
        <p className="muted small" role="status">
          Gõ ít nhất 2 chữ để tìm đại biểu.
        </p>
      ) : paging.attendeesMore ? (
        <p className="muted small" role="status">
          {`Hiển thị ${attendees.length} đầu tiên trong ${totalAttendees} đại biểu; tìm để thu hẹp.`}
        </p>
      ) : null}
      <BridgeChoiceSearch choices={bridges} id="assign-bq" />
      <AssignForm bridges={bridges} attendees={attendees} lastResult={lastResult} />
    </section>
  );
}
