import { ConditionGroup } from "./condition/ConditionGroup.js";
import { groupOf, type Cond, type ConditionKind } from "./condition/conditionValues.js";

export { parseScalar } from "./condition/conditionValues.js";

type Props = {
  id?: string;
  value: Cond | undefined;
  onChange(value: Cond | undefined): void;
  readOnly?: boolean;
  events?: string[];
  /** "property" conditions test an event's properties, so they have no event-history rules. */
  mode?: ConditionKind;
};

/**
 * Builds the condition JSON of DESIGN.md ("Conditions"): groups of `all`/`any`, `not`, attribute
 * tests and event-history tests. Used by segments, branches, trigger filters and exit criteria.
 */
export function ConditionBuilder(props: Props) {
  const { value, onChange, readOnly = false, events = [], mode = "profile" } = props;
  const group = groupOf(value);
  const emit = (items: Cond[], groupMode = group.mode) =>
    onChange(items.length ? { [groupMode]: items } : undefined);
  return (
    <div className="condition" id={props.id} role="group" aria-label="Condition">
      <ConditionGroup
        mode={group.mode}
        items={group.items}
        onChange={emit}
        readOnly={readOnly}
        events={events}
        kind={mode}
        depth={0}
      />
    </div>
  );
}
