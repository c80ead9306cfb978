import { getFormProps, useForm, type DefaultValue, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import {
  NODE_SOURCE_LABEL,
  type addNodeSchema,
  type bandsSchema,
  type updateNodeSchema,
} from "#app/scoring/framework-forms.ts";
import { Field } from "#app/ui/field.tsx";
import { formatPoints } from "#app/scoring/format.ts";
import type { ClassBand, FrameworkNode } from "#app/scoring/types.ts";

// The framework page's editor: the criteria tree with a form per node (edit, add a child, delete), the
// form adding an area, and the classification bands. Each form shows the server's answer to its own
// intent and node (`target`), Conform's reply kept whole so each message sits on its field.

/** What the framework page's action answers (the route's `useActionData<typeof action>()`). */
export type FrameworkReply = { ok?: boolean; intent?: string; target?: string; result?: SubmissionResult<string[]> };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- these forms are checked on the server only
type Meta = FieldMetadata<any, any, any>;

function useIntentForm<Schema extends Record<string, unknown>>(
  intent: string,
  target: string,
  reply: FrameworkReply | undefined,
  defaultValue?: DefaultValue<Schema>,
) {
  return useForm<Schema>({
    id: `${intent}-${target || "framework"}`,
    defaultValue,
    lastResult: reply?.intent === intent && (reply.target ?? "") === target ? reply.result : undefined,
  });
}

const described = (meta: Meta) => ({
  id: meta.id,
  "aria-invalid": meta.errors ? true : undefined,
  "aria-describedby": meta.errors ? meta.errorId : undefined,
});

function FormErrors({ errors, id }: { errors: string[] | undefined; id?: string }) {
  if (!errors?.length) return null;
  return (
    <p className="form-error" id={id} role="alert">
      {errors.join(" ")}
    </p>
  );
}

function NodeFields({ fields, node }: { fields: Record<string, Meta>; node?: FrameworkNode }) {
  return (
    <>
      <Field label="Tên tiêu chí" meta={fields.title!}>
        <input {...described(fields.title!)} name="title" type="text" defaultValue={node?.title} required />
      </Field>
      <Field label="Điểm tối đa" meta={fields.maxPoints!}>
        <input
          {...described(fields.maxPoints!)}
          name="maxPoints"
          type="number"
          step="0.01"
          min="0.01"
          defaultValue={node?.maxPoints}
          required
        />
      </Field>
      <Field label="Nguồn điểm" meta={fields.source!}>
        <select {...described(fields.source!)} name="source" defaultValue={node?.source ?? "APPRAISAL"}>
          <option value="APPRAISAL">{NODE_SOURCE_LABEL.APPRAISAL}</option>
          <option value="SURVEY">{NODE_SOURCE_LABEL.SURVEY}</option>
        </select>
      </Field>
    </>
  );
}

/** Adds an area (no parent) or a child of `parent`. */
export function AddNodeForm({
  parentId,
  placeholder,
  codeLabel,
  submitLabel,
  reply,
}: {
  parentId?: string;
  placeholder: string;
  codeLabel: string;
  submitLabel: string;
  reply?: FrameworkReply;
}) {
  const [form, fields] = useIntentForm<z.input<typeof addNodeSchema>>("add-node", parentId ?? "", reply);
  return (
    <Form method="post" className="grid-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add-node" />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <Field label={codeLabel} meta={fields.code}>
        <input {...described(fields.code)} name="code" type="text" placeholder={placeholder} required />
      </Field>
      <NodeFields fields={fields} />
      <div className="field">
        <button type="submit">{submitLabel}</button>
      </div>
      <FormErrors errors={form.errors} id={form.errorId} />
    </Form>
  );
}

function NodeEditor({ node, id, reply }: { node: FrameworkNode; id: string; reply?: FrameworkReply }) {
  const [editForm, editFields] = useIntentForm<z.input<typeof updateNodeSchema>>("update-node", id, reply);
  const [deleteForm] = useIntentForm("delete-node", id, reply);
  return (
    <details className="node-edit">
      <summary>Sửa, thêm tiêu chí con ({node.code})</summary>
      <Form method="post" className="grid-4" {...getFormProps(editForm)}>
        <input type="hidden" name="intent" value="update-node" />
        <input type="hidden" name="nodeId" value={id} />
        <NodeFields fields={editFields} node={node} />
        <div className="field">
          <button type="submit">Lưu {node.code}</button>
        </div>
        <FormErrors errors={editForm.errors} id={editForm.errorId} />
      </Form>
      <AddNodeForm
        parentId={id}
        codeLabel="Mã tiêu chí con"
        placeholder={`${node.code}.${node.children.length + 1}`}
        submitLabel="Thêm tiêu chí con"
        reply={reply}
      />
      <Form method="post" {...getFormProps(deleteForm)}>
        <input type="hidden" name="intent" value="delete-node" />
        <input type="hidden" name="nodeId" value={id} />
        <button type="submit" className="danger small-button">
          Xóa {node.code} và các tiêu chí con
        </button>
        <FormErrors errors={deleteForm.errors} id={deleteForm.errorId} />
      </Form>
    </details>
  );
}

export function NodeItem({
  node,
  ids,
  canEdit,
  reply,
}: {
  node: FrameworkNode;
  ids: Record<string, string>;
  canEdit: boolean;
  reply?: FrameworkReply;
}) {
  const id = ids[node.code]!;
  const childSum = node.children.reduce((s, c) => s + c.maxPoints, 0);
  const mismatch = node.children.length > 0 && Math.abs(childSum - node.maxPoints) > 1e-6;
  const depth = node.code.split(".").length;
  return (
    <li>
      <div className="tree-node">
        <span className="code">{node.code}</span>
        <span className={depth === 1 ? "strong" : ""}>{node.title}</span>
        {node.source === "SURVEY" ? <span className="badge">Điều tra XHH</span> : null}
        <span
          className={`max ${mismatch ? "down" : ""}`}
          title={mismatch ? `Tổng các tiêu chí con: ${formatPoints(childSum)}` : undefined}
        >
          {formatPoints(node.maxPoints)} điểm
        </span>
      </div>
      {canEdit ? <NodeEditor node={node} id={id} reply={reply} /> : null}
      {node.children.length ? (
        <ul className="tree">
          {node.children.map((c) => (
            <NodeItem key={c.code} node={c} ids={ids} canEdit={canEdit} reply={reply} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** "Xuất sắc: từ 90% và mỗi lĩnh vực từ 80%". */
export function bandText(band: ClassBand): string {
  const floor =
    band.minAreaPct === null || band.minAreaPct === undefined
      ? ""
      : ` và mỗi lĩnh vực từ ${formatPoints(band.minAreaPct)}%`;
  return `${band.name}: từ ${formatPoints(band.minPct)}%${floor}`;
}

/** The classification bands: a form for whoever may edit, else a list. */
export function BandsEditor({
  bands,
  canEdit,
  reply,
}: {
  bands: ClassBand[];
  canEdit: boolean;
  reply?: FrameworkReply;
}) {
  const [form, fields] = useIntentForm<z.input<typeof bandsSchema>>("update-bands", "", reply, { bands });
  if (!canEdit) {
    return (
      <ul>
        {bands.map((b) => (
          <li key={b.name}>{bandText(b)}</li>
        ))}
      </ul>
    );
  }
  const rows = fields.bands.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="update-bands" />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Mức</th>
            <th scope="col">Từ (%)</th>
            <th scope="col">Mỗi lĩnh vực từ (%)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const band = row.getFieldset();
            return (
              <tr key={row.key}>
                <td>
                  <Field label={<span className="visually-hidden">Tên mức {i + 1}</span>} meta={band.name}>
                    <input {...described(band.name)} name={band.name.name} type="text" defaultValue={bands[i]?.name} />
                  </Field>
                </td>
                <td>
                  <Field label={<span className="visually-hidden">Ngưỡng của mức {i + 1}</span>} meta={band.minPct}>
                    <input
                      {...described(band.minPct)}
                      name={band.minPct.name}
                      type="number"
                      step="0.01"
                      min="0"
                      max="100"
                      defaultValue={bands[i]?.minPct}
                    />
                  </Field>
                </td>
                <td>
                  <Field
                    label={<span className="visually-hidden">Tối thiểu mỗi lĩnh vực của mức {i + 1} (%)</span>}
                    meta={band.minAreaPct}
                  >
                    <input
                      {...described(band.minAreaPct)}
                      name={band.minAreaPct.name}
                      type="number"
                      step="0.01"
                      min="0"
                      max="100"
                      defaultValue={bands[i]?.minAreaPct ?? ""}
                    />
                  </Field>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">
        Mỗi lĩnh vực từ: điểm tối thiểu (%) mà mọi lĩnh vực phải đạt để được xếp mức này, không cao hơn ngưỡng của mức;
        để trống nếu chỉ xét tổng điểm.
      </p>
      <button type="submit">Lưu xếp loại</button>
      <FormErrors errors={[...(form.errors ?? []), ...(fields.bands.errors ?? [])]} id={form.errorId} />
    </Form>
  );
}
