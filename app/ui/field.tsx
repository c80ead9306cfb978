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
      {meta.errors ? <ErrorMessage id={meta.errorId}>{meta.errors.join(" ")}</ErrorMessage> : null}
    </div>
  );
}

/**
 * The one markup of an error message under a control or a group of controls: `id` for the control's
 * `aria-describedby`, announced when it appears.
 */
export function ErrorMessage({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p className="field-error" id={id} role="alert">
      {children}
    </p>
  );
}
