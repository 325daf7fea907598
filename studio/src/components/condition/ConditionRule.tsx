import { AttributeTest } from "./AttributeTest.js";
import { isRecord, type Cond, type ConditionKind } from "./conditionValues.js";
import { EventTest } from "./EventTest.js";

/** One rule of a group: an attribute or an event-history test, which may be negated or removed. */
export function ConditionRule(props: {
  value: Cond;
  onChange(value: Cond | undefined): void;
  readOnly: boolean;
  events: string[];
  kind: ConditionKind;
}) {
  const { readOnly, events, onChange } = props;
  const negated = isRecord(props.value.not);
  const rule: Cond = negated && isRecord(props.value.not) ? props.value.not : props.value;
  const set = (next: Cond) => onChange(negated ? { not: next } : next);

  return (
    <div className="condition__row">
      {!readOnly || negated ? (
        <label className="condition__not" title="Negate this rule">
          <input
            type="checkbox"
            checked={negated}
            disabled={readOnly}
            onChange={(e) => onChange(e.target.checked ? { not: rule } : rule)}
          />
          not
        </label>
      ) : null}
      {typeof rule.event === "string" ? (
        <EventTest rule={rule} set={set} readOnly={readOnly} events={events} />
      ) : (
        <AttributeTest rule={rule} set={set} readOnly={readOnly} kind={props.kind} />
      )}
      {!readOnly ? (
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          aria-label="Remove rule"
          onClick={() => onChange(undefined)}
        >
          ✕
        </button>
      ) : null}
    </div>
  );
}
