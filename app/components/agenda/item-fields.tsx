import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { AGENDA_KIND_LABEL, AGENDA_KINDS, type AgendaKind } from "#app/agenda/timing.ts";
import { Field } from "#app/ui/field.tsx";

export type AgendaItemFields = {
  kind: AgendaKind;
  title: string;
  presenter: string;
  durationMinutes: number;
  speechId: string;
};

/** The fields of one item of the programme (adding or changing it), each with its own error. */
export function ItemFields({
  fields,
  speeches,
}: {
  fields: { [K in keyof AgendaItemFields]: FieldMetadata<AgendaItemFields[K]> };
  speeches: Array<{ id: string; title: string; speakerName: string }>;
}) {
  return (
    <>
      <Field label="Loại" meta={fields.kind}>
        <select {...getSelectProps(fields.kind)}>
          {AGENDA_KINDS.map((k) => (
            <option key={k} value={k}>
              {AGENDA_KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Nội dung" meta={fields.title} className="grow">
        <input {...getInputProps(fields.title, { type: "text" })} required />
      </Field>
      <Field label="Người trình bày" meta={fields.presenter}>
        <input {...getInputProps(fields.presenter, { type: "text" })} />
      </Field>
      <Field label="Thời lượng (phút)" meta={fields.durationMinutes}>
        <input {...getInputProps(fields.durationMinutes, { type: "number" })} min={1} max={600} required />
      </Field>
      {speeches.length ? (
        <Field label="Bài tham luận, phát biểu" meta={fields.speechId}>
          <select {...getSelectProps(fields.speechId)}>
            <option value="">— Không gắn —</option>
            {speeches.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.speakerName})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
    </>
  );
}
