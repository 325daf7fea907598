/**
 * A date-time field (JSON Schema `format: "date-time"`) as a date and time picker on the marketer's own clock;
 * the value is stored as an ISO instant with its zone, so it means the same moment for everyone.
 */
export function DateTimeInput(props: {
  id: string;
  value: unknown;
  readOnly: boolean;
  invalid: boolean;
  onChange(value: string | undefined): void;
}) {
  const instant = typeof props.value === "string" ? new Date(props.value) : null;
  const shown = instant && !Number.isNaN(instant.getTime()) ? localInputValue(instant) : "";
  return (
    <input
      id={props.id}
      type="datetime-local"
      className="input nodrag"
      value={shown}
      readOnly={props.readOnly}
      aria-invalid={props.invalid}
      onChange={(e) => {
        // A datetime-local value has no zone: the browser reads it on the marketer's clock.
        const next = e.target.value ? new Date(e.target.value) : null;
        props.onChange(next && !Number.isNaN(next.getTime()) ? next.toISOString() : undefined);
      }}
    />
  );
}

/** The browser zone's name, for the help beside the field. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An instant as a datetime-local value on the browser's clock ("2026-12-04T09:30"). */
function localInputValue(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}` +
    `T${pad(instant.getHours())}:${pad(instant.getMinutes())}`
  );
}
