import { zonedDateTime } from "../../components/zonedTime.js";

/** When the test's clock starts: now, or a wall time on the profile's clocks. */
export type StartTime = { mode: "now" } | { mode: "at"; local: string };

/** "Start: now / at a time", the time read in the profile's zone (named beside the field). */
export function StartTimeField({
  value,
  onChange,
  timeZone,
}: {
  value: StartTime;
  onChange(value: StartTime): void;
  /** The zone the chosen time is read in: the profile's, else UTC. */
  timeZone: string;
}) {
  const soon = zonedLocalInput(new Date(Date.now() + 3600_000), timeZone);
  return (
    <div className="field">
      <label className="field__label" htmlFor="test-start">
        Start
      </label>
      <div className="row">
        <select
          id="test-start"
          className="select"
          value={value.mode}
          onChange={(e) =>
            onChange(e.target.value === "now" ? { mode: "now" } : { mode: "at", local: soon })
          }
        >
          <option value="now">Now</option>
          <option value="at">At a chosen time</option>
        </select>
        {value.mode === "at" ? (
          <input
            type="datetime-local"
            className="input grow"
            aria-label="Start time"
            value={value.local}
            onChange={(e) => onChange({ mode: "at", local: e.target.value })}
          />
        ) : null}
      </div>
      <p className="field__help">
        {value.mode === "now"
          ? `The test starts now: ${zonedDateTime(new Date().toISOString(), timeZone)}.`
          : `In the profile's time zone (${timeZone}).`}{" "}
        Quiet hours apply in the profile's time zone.
      </p>
    </div>
  );
}

/** An instant as a datetime-local value on the zone's clocks. */
function zonedLocalInput(instant: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat("en-CA", {
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  });
  for (const p of format.formatToParts(instant)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
