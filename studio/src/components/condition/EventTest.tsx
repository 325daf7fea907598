import { useId } from "react";
import { UnseenEventNote } from "../UnseenEventNote.js";
import { EVENT_OPS, isRecord, type Cond } from "./conditionValues.js";
import { UnitSelect } from "./UnitSelect.js";

/** An event-history test: the event, how often, and optionally within a recent window. */
export function EventTest(props: {
  rule: Cond;
  set(next: Cond): void;
  readOnly: boolean;
  events: string[];
}) {
  const { rule, set, readOnly, events } = props;
  const id = useId();
  const op = typeof rule.op === "string" ? rule.op : "performed";
  const within = isRecord(rule.within) ? rule.within : null;
  return (
    <>
      <input
        className="input input--sm"
        aria-label="Event name"
        placeholder="event_name"
        list={`${id}-events`}
        value={String(rule.event ?? "")}
        readOnly={readOnly}
        onChange={(e) => set({ ...rule, event: e.target.value })}
      />
      <datalist id={`${id}-events`}>
        {events.map((ev) => (
          <option key={ev} value={ev} />
        ))}
      </datalist>
      <UnseenEventNote name={String(rule.event ?? "")} />
      <select
        className="select select--sm"
        aria-label="Event test"
        value={op}
        disabled={readOnly}
        onChange={(e) => {
          const next: Cond = { ...rule, op: e.target.value };
          if (e.target.value.startsWith("count"))
            next.value = typeof rule.value === "number" ? rule.value : 1;
          else delete next.value;
          set(next);
        }}
      >
        {EVENT_OPS.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {op.startsWith("count") ? (
        <input
          className="input input--sm input--num"
          type="number"
          min={0}
          aria-label="Times"
          value={typeof rule.value === "number" ? rule.value : 1}
          readOnly={readOnly}
          onChange={(e) => set({ ...rule, value: Number(e.target.value) })}
        />
      ) : null}
      <label className="condition__within">
        <input
          type="checkbox"
          checked={within !== null}
          disabled={readOnly}
          onChange={(e) => {
            const next = { ...rule };
            if (e.target.checked) next.within = { amount: 30, unit: "day" };
            else delete next.within;
            set(next);
          }}
        />
        in the last
      </label>
      {within ? (
        <>
          <input
            className="input input--sm input--num"
            type="number"
            min={1}
            aria-label="Window amount"
            value={typeof within.amount === "number" ? within.amount : 1}
            readOnly={readOnly}
            onChange={(e) =>
              set({ ...rule, within: { ...within, amount: Number(e.target.value) } })
            }
          />
          <UnitSelect
            label="Window unit"
            value={within.unit}
            disabled={readOnly}
            onChange={(unit) => set({ ...rule, within: { ...within, unit } })}
          />
        </>
      ) : null}
    </>
  );
}
