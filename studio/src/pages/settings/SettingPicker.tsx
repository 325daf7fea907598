import type { ReactNode } from "react";

const UNITS = [
  ["second", "Seconds"],
  ["minute", "Minutes"],
  ["hour", "Hours"],
  ["day", "Days"],
  ["week", "Weeks"],
] as const;
const CAP_ACTIONS = [
  ["skip", "Skip the message"],
  ["defer", "Send it once the cap allows"],
] as const;

/** The platform's list of a kind (IANA zones, ISO currencies), or a short fallback list. */
function supported(kind: "timeZone" | "currency", fallback: string[]): string[] {
  try {
    return Intl.supportedValuesOf(kind);
  } catch {
    return fallback;
  }
}

function currencyName(code: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: "currency" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function Select(props: {
  id: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange(value: string): void;
}) {
  const known = props.options.some(([v]) => v === props.value);
  return (
    <select
      id={props.id}
      className="select"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {known ? null : <option value={props.value}>{props.value}</option>}
      {props.options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}

/**
 * A picker for a setting whose values come from a list or a clock (a duration unit, the frequency
 * cap's action, a time zone, the currency, a quiet-hours time), or null for a free-text setting.
 */
export function settingPicker(
  path: string,
  key: string,
  value: string,
  id: string,
  set: (value: string) => void,
): ReactNode {
  if (key === "unit") return <Select id={id} value={value} options={UNITS} onChange={set} />;
  if (path === "frequencyCap." && key === "action")
    return <Select id={id} value={value} options={CAP_ACTIONS} onChange={set} />;
  if (/time_?zone$/i.test(key)) {
    const zones = supported("timeZone", ["UTC", "Europe/Berlin", "America/New_York"]);
    const options = ["UTC", ...zones.filter((z) => z !== "UTC")].map((z) => [z, z] as const);
    return <Select id={id} value={value} options={options} onChange={set} />;
  }
  if (key === "currency") {
    const codes = supported("currency", ["USD", "EUR", "GBP"]);
    const options = codes.map((c) => [c, `${c} — ${currencyName(c)}`] as const);
    return <Select id={id} value={value} options={options} onChange={set} />;
  }
  if (path === "quietHours." && (key === "start" || key === "end"))
    return (
      <input
        id={id}
        className="input"
        type="time"
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    );
  return null;
}
