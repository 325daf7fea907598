import type { ReactNode } from "react";

/** A field's label (marked optional when it is), its control, and its error or else its help. */
export function FieldShell(props: {
  id: string;
  label: string;
  help?: string;
  error?: string;
  required: boolean;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {props.label}
        {props.required ? null : <span className="field__optional"> · optional</span>}
      </label>
      {props.children}
      <FieldNote error={props.error} help={props.help} role="alert" />
    </div>
  );
}

/** Under a group of fields: its error, or else its help. */
export function FieldNote(props: { error?: string; help?: string; role?: "alert" }) {
  if (props.error)
    return (
      <span className="field__error" role={props.role}>
        {props.error}
      </span>
    );
  return props.help ? <span className="field__help">{props.help}</span> : null;
}
