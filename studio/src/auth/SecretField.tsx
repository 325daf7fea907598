import type { ReactNode } from "react";

/** A password or token field with its label, an optional hint and the error the last attempt gave. */
export function SecretField({
  id,
  label,
  value,
  onChange,
  autoComplete,
  autoFocus = false,
  error,
  hint,
  spaced = false,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  autoComplete: "current-password" | "new-password";
  autoFocus?: boolean;
  error: string | null;
  hint?: string;
  /** Space above (the first field under a card's heading). */
  spaced?: boolean;
  /** Shown under the error (a notice such as "password changed"). */
  children?: ReactNode;
}) {
  return (
    <div className="field" style={spaced ? { marginTop: 16 } : undefined}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="password"
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
      />
      {hint ? <span className="muted">{hint}</span> : null}
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}
