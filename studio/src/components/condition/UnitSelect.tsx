import { UNITS } from "./conditionValues.js";

/** A unit of time, plural as a person reads it; unset reads as days. */
export function UnitSelect(props: {
  label: string;
  value: unknown;
  disabled: boolean;
  onChange(unit: string): void;
}) {
  return (
    <select
      className="select select--sm"
      aria-label={props.label}
      value={String(props.value ?? "day")}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {UNITS.map((u) => (
        <option key={u} value={u}>
          {u}s
        </option>
      ))}
    </select>
  );
}
