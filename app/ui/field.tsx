import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

/** A labelled form control with its hint and its Vietnamese error message. */
export function Field({
  label,
  meta,
  hint,
  children,
  className,
}: {
  label: ReactNode;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a field of any form schema
  meta: FieldMetadata<any, any, any>;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`field ${className ?? ""} ${meta.errors ? "has-error" : ""}`}>
      <label htmlFor={meta.id}>{label}</label>
      {children}
      {hint ? (
        <p className="hint" id={meta.descriptionId}>
          {hint}
        </p>
      ) : null}
      {meta.errors ? (
        <p className="field-error" id={meta.errorId} role="alert">
          {meta.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
