import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import type { OrganizationOption } from "#app/components/plan-editor/types.ts";

/** An organisation of the user's scope, or none. */
export function OrganizationSelect({
  meta,
  organizations,
  emptyLabel,
}: {
  meta: FieldMetadata<string | undefined>;
  organizations: OrganizationOption[];
  emptyLabel?: string;
}) {
  return (
    <select {...getSelectProps(meta)}>
      <option value="">{emptyLabel ?? "— Chọn —"}</option>
      {organizations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
