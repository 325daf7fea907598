import { useId } from "react";
import { ConditionRule } from "./ConditionRule.js";
import { groupOf, type Cond, type ConditionKind } from "./conditionValues.js";

/** A group of rules matched by all or any, with nested groups two levels deep at most. */
export function ConditionGroup(props: {
  mode: "all" | "any";
  items: Cond[];
  onChange(items: Cond[], mode: "all" | "any"): void;
  readOnly: boolean;
  events: string[];
  kind: ConditionKind;
  depth: number;
}) {
  const { mode, items, onChange, readOnly, events, kind, depth } = props;
  const id = useId();
  const update = (index: number, next: Cond | undefined) => {
    const copy = items.slice();
    if (next === undefined) copy.splice(index, 1);
    else copy[index] = next;
    onChange(copy, mode);
  };
  return (
    <div className={depth ? "condition__group condition__group--nested" : "condition__group"}>
      <div className="condition__match">
        <label htmlFor={`${id}-mode`}>Match</label>
        <select
          id={`${id}-mode`}
          className="select select--inline"
          value={mode}
          disabled={readOnly}
          onChange={(e) => onChange(items, e.target.value === "any" ? "any" : "all")}
        >
          <option value="all">all of</option>
          <option value="any">any of</option>
        </select>
        <span>these rules</span>
      </div>
      {items.length === 0 ? <p className="field__help">No rules yet: everyone matches.</p> : null}
      {items.map((item, index) => {
        const nested = Array.isArray(item.all) || Array.isArray(item.any);
        if (nested) {
          const g = groupOf(item);
          return (
            <div key={index} className="condition__row condition__row--group">
              <ConditionGroup
                mode={g.mode}
                items={g.items}
                onChange={(next, m) => update(index, next.length ? { [m]: next } : undefined)}
                readOnly={readOnly}
                events={events}
                kind={kind}
                depth={depth + 1}
              />
              {!readOnly ? (
                <button
                  type="button"
                  className="btn btn--ghost btn--sm"
                  aria-label="Remove group"
                  onClick={() => update(index, undefined)}
                >
                  ✕
                </button>
              ) : null}
            </div>
          );
        }
        return (
          <ConditionRule
            key={index}
            value={item}
            onChange={(next) => update(index, next)}
            readOnly={readOnly}
            events={events}
            kind={kind}
          />
        );
      })}
      {!readOnly ? (
        <div className="row">
          <button
            type="button"
            className="btn btn--sm"
            onClick={() => onChange([...items, { attr: "", op: "eq", value: "" }], mode)}
          >
            + {kind === "property" ? "Property" : "Attribute"} rule
          </button>
          {kind === "profile" ? (
            <button
              type="button"
              className="btn btn--sm"
              onClick={() => onChange([...items, { event: "", op: "performed" }], mode)}
            >
              + Event rule
            </button>
          ) : null}
          {depth < 2 ? (
            <button
              type="button"
              className="btn btn--sm btn--ghost"
              onClick={() => onChange([...items, { any: [] }], mode)}
            >
              + Group
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
