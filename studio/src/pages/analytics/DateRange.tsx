import { addDays, dayOf } from "@omnijourney/shared";
import type { DayRange } from "../../api/misc.js";

const PRESETS = [7, 30, 60, 90] as const;

/** The last `days` days, today included. */
export const lastDays = (days: number, today = dayOf(new Date())): DayRange => ({
  from: addDays(today, -(days - 1)),
  to: today,
});

/** Preset ranges and two date fields; the range is in UTC days, as the counters are. */
export function DateRange({
  value,
  onChange,
}: {
  value: DayRange;
  onChange(range: DayRange): void;
}) {
  return (
    <div className="date-range" role="group" aria-label="Date range">
      {PRESETS.map((days) => {
        const preset = lastDays(days);
        const active = preset.from === value.from && preset.to === value.to;
        return (
          <button
            key={days}
            type="button"
            className={`btn btn--sm${active ? " btn--primary" : ""}`}
            aria-pressed={active}
            onClick={() => onChange(preset)}
          >
            Last {days} days
          </button>
        );
      })}
      <label className="date-range__field">
        From
        <input
          type="date"
          value={value.from}
          max={value.to}
          onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
        />
      </label>
      <label className="date-range__field">
        To
        <input
          type="date"
          value={value.to}
          min={value.from}
          onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
        />
      </label>
    </div>
  );
}
