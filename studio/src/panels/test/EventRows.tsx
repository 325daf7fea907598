/** One hypothetical event of a test run, as the form edits it. */
export type EventRow = {
  event: string;
  properties: string;
  amount: number;
  unit: "second" | "minute" | "hour" | "day";
};

export const UNIT_SECONDS = { second: 1, minute: 60, hour: 3600, day: 86400 } as const;
const DELAY_UNITS = ["second", "minute", "hour", "day"] as const;

/** The events of a test run: name, delay from the start and properties (JSON), one row each. */
export function EventRows({
  events,
  onChange,
}: {
  events: EventRow[];
  onChange(events: EventRow[]): void;
}) {
  return (
    <>
      {events.map((row, i) => (
        <div className="test-event" key={i}>
          <div className="row">
            <input
              className="input input--sm grow"
              aria-label={`Event ${i + 1} name`}
              placeholder="event_name"
              value={row.event}
              onChange={(e) =>
                onChange(events.map((r, j) => (j === i ? { ...r, event: e.target.value } : r)))
              }
              list="test-events"
            />
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              aria-label={`Remove event ${i + 1}`}
              onClick={() => onChange(events.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
          <div className="row">
            <span className="muted small">at</span>
            <input
              className="input input--sm input--num"
              type="number"
              min={0}
              aria-label={`Event ${i + 1} delay`}
              value={row.amount}
              onChange={(e) =>
                onChange(
                  events.map((r, j) => (j === i ? { ...r, amount: Number(e.target.value) } : r)),
                )
              }
            />
            <select
              className="select select--sm"
              aria-label={`Event ${i + 1} delay unit`}
              value={row.unit}
              onChange={(e) =>
                onChange(
                  events.map((r, j) =>
                    j === i
                      ? { ...r, unit: DELAY_UNITS.find((u) => u === e.target.value) ?? "second" }
                      : r,
                  ),
                )
              }
            >
              <option value="second">seconds</option>
              <option value="minute">minutes</option>
              <option value="hour">hours</option>
              <option value="day">days</option>
            </select>
            <span className="muted small">from the start</span>
          </div>
          <input
            className="input input--sm mono"
            aria-label={`Event ${i + 1} properties`}
            placeholder='{"url": "https://…"}'
            value={row.properties}
            onChange={(e) =>
              onChange(events.map((r, j) => (j === i ? { ...r, properties: e.target.value } : r)))
            }
          />
        </div>
      ))}
    </>
  );
}
