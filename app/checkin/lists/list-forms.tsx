// The lists page's forms (routes/conferences.$id.checkin._index.tsx): a new list, and renaming or
// deleting one. Each shows the answer to its own submission (Conform's reply, kept whole).

import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { BridgeChoiceSearch, BridgeOptions, type BridgeChoiceList } from "#app/ui/bridge-choice.tsx";
import { Field } from "#app/ui/field.tsx";

/** What these forms read of the page action's answer (its type is inferred by the route). */
export type ListAnswer = { intent: string; listId?: string; result: SubmissionResult<string[]> } | undefined;

function FormErrors({ errors, id }: { errors?: string[]; id: string }) {
  return errors ? (
    <p className="form-error" role="alert" id={id}>
      {errors.join(" ")}
    </p>
  ) : null;
}

export function NewListForm({
  answer,
  bridgePoints,
  busy,
}: {
  answer: ListAnswer;
  bridgePoints: BridgeChoiceList;
  busy: boolean;
}) {
  const [form, fields] = useForm<{ name: string; bridgePointId?: string }>({
    id: "new-list-form",
    lastResult: answer?.intent === "create" ? answer.result : undefined,
  });
  return (
    <>
      <BridgeChoiceSearch choices={bridgePoints} id="new-list-bq" />
      <Form method="post" className="grid-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <FormErrors errors={form.errors} id={form.errorId} />
        <Field label="Tên danh sách" meta={fields.name}>
          <input
            {...getInputProps(fields.name, { type: "text" })}
            key={fields.name.key}
            required
            maxLength={120}
            placeholder="Cổng chính"
          />
        </Field>
        <Field label="Nơi điểm danh" meta={fields.bridgePointId}>
          <select {...getSelectProps(fields.bridgePointId)} key={fields.bridgePointId.key}>
            <option value="">Hội trường (trực tiếp)</option>
            <BridgeOptions choices={bridgePoints} prefix="Điểm cầu: " />
          </select>
        </Field>
        <div>
          <button type="submit" className="primary" disabled={busy}>
            Thêm danh sách
          </button>
        </div>
      </Form>
    </>
  );
}

export function ManageListForms({
  list,
  answer,
  busy,
}: {
  list: { id: string; name: string };
  answer: ListAnswer;
  busy: boolean;
}) {
  const mine = (intent: string) => (answer?.intent === intent && answer.listId === list.id ? answer.result : undefined);
  const [rename, fields] = useForm<{ name: string }>({ id: `rename-${list.id}`, lastResult: mine("rename") });
  const [remove] = useForm({ id: `delete-${list.id}`, lastResult: mine("delete") });
  return (
    <details className="checkin-manage">
      <summary>Đổi tên, xóa</summary>
      <Form method="post" className="checkin-inline-form" {...getFormProps(rename)}>
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="listId" value={list.id} />
        <FormErrors errors={rename.errors} id={rename.errorId} />
        <Field label="Tên mới" meta={fields.name}>
          <input
            {...getInputProps(fields.name, { type: "text" })}
            key={fields.name.key}
            defaultValue={list.name}
            required
            maxLength={120}
          />
        </Field>
        <button type="submit" disabled={busy}>
          Đổi tên
        </button>
      </Form>
      <Form
        method="post"
        {...getFormProps(remove)}
        onSubmit={(e) => {
          if (!confirm(`Xóa danh sách “${list.name}”? Kết quả điểm danh vẫn được giữ.`)) e.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="listId" value={list.id} />
        <FormErrors errors={remove.errors} id={remove.errorId} />
        <button type="submit" className="danger" disabled={busy}>
          Xóa danh sách
        </button>
      </Form>
    </details>
  );
}
