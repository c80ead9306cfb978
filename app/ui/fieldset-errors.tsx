import type { FieldMetadata } from "@conform-to/react";
import { ErrorMessage } from "#app/ui/field.tsx";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field of any form, as in field.tsx
type AnyField = FieldMetadata<any, any, any>;

/**
 * The Vietnamese error message of a group of inputs (radio buttons, checkboxes) that no single `<label>`
 * names, so `Field` cannot wrap it: shown under the group, with the field's error id for `aria-describedby`.
 */
export function FieldsetErrors({ meta }: { meta: AnyField }) {
  return meta.errors ? <ErrorMessage id={meta.errorId}>{meta.errors.join(" ")}</ErrorMessage> : null;
}
