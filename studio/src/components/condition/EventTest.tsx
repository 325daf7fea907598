import { useId } from "react";
import { UnseenEventNote } from "../UnseenEventNote.js";
import { EVENT_OPS, isRecord, type Cond } from "./conditionValues.js";
import { useInJourney } from "./journeyScope.js";
import { UnitSelect } from "./UnitSelect.js";

/** An event-history test: the event, how often, and when (ever, in a recent window, or since entering the journey). */
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
  const inJourney = useInJourney();
  const span = rule.since === "entry" ? "entry" : within ? "within" : "ever";
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
      <select
        className="select select--sm"
        aria-label="When"
        value={span}
        disabled={readOnly}
        onChange={(e) => {
          const next = { ...rule };
          delete next.within;
          delete next.since;
          if (e.target.value === "within") next.within = { amount: 30, unit: "day" };
          if (e.target.value === "entry") next.since = "entry";
          set(next);
        }}
      >
        <option value="ever">at any time</option>
        <option value="within">in the last</option>
        {inJourney || span === "entry" ? (
          <option value="entry">since entering the journey</option>
        ) : null}
      </select>
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
