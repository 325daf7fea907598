import {
  ATTR_OPS,
  isRecord,
  parseScalar,
  scalarText,
  type Cond,
  type ConditionKind,
} from "./conditionValues.js";
import { UnitSelect } from "./UnitSelect.js";

/** An attribute (or event property) test: the field, the comparison and the value it compares with. */
export function AttributeTest(props: {
  rule: Cond;
  set(next: Cond): void;
  readOnly: boolean;
  kind: ConditionKind;
}) {
  const { rule, set, readOnly } = props;
  const op = typeof rule.op === "string" ? rule.op : "eq";
  return (
    <>
      <input
        className="input input--sm"
        aria-label="Attribute"
        placeholder={props.kind === "property" ? "property" : "attribute, e.g. country"}
        value={String(rule.attr ?? "")}
        readOnly={readOnly}
        onChange={(e) => set({ ...rule, attr: e.target.value })}
      />
      <select
        className="select select--sm"
        aria-label="Comparison"
        value={op}
        disabled={readOnly}
        onChange={(e) => {
          const nextOp = e.target.value;
          const next: Cond = { ...rule, op: nextOp };
          if (nextOp === "exists") next.value = true;
          else if (nextOp === "before" || nextOp === "after")
            next.value = { amount: 7, unit: "day", direction: "ago" };
          else if (nextOp === "in")
            next.value = Array.isArray(rule.value)
              ? rule.value
              : parseScalar(scalarText(rule.value), "in");
          else if (
            isRecord(rule.value) ||
            typeof rule.value === "boolean" ||
            Array.isArray(rule.value)
          )
            next.value = "";
          set(next);
        }}
      >
        {ATTR_OPS.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {op === "exists" ? null : op === "before" || op === "after" ? (
        <DateValue
          value={rule.value}
          readOnly={readOnly}
          onChange={(v) => set({ ...rule, value: v })}
        />
      ) : (
        <input
          className="input input--sm"
          aria-label="Value"
          placeholder={op === "in" ? "a, b, c" : "value"}
          defaultValue={scalarText(rule.value)}
          readOnly={readOnly}
          onChange={(e) => set({ ...rule, value: parseScalar(e.target.value, op) })}
        />
      )}
    </>
  );
}

/** A date as written, or relative to now: an amount of units ago or from now. */
function DateValue(props: { value: unknown; readOnly: boolean; onChange(value: unknown): void }) {
  const v = isRecord(props.value) ? props.value : null;
  if (!v) {
    return (
      <input
        className="input input--sm"
        aria-label="Date"
        placeholder="2026-01-31"
        value={typeof props.value === "string" ? props.value : ""}
        readOnly={props.readOnly}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  }
  return (
    <>
      <input
        className="input input--sm input--num"
        type="number"
        min={0}
        aria-label="Amount"
        value={typeof v.amount === "number" ? v.amount : 0}
        readOnly={props.readOnly}
        onChange={(e) => props.onChange({ ...v, amount: Number(e.target.value) })}
      />
      <UnitSelect
        label="Unit"
        value={v.unit}
        disabled={props.readOnly}
        onChange={(unit) => props.onChange({ ...v, unit })}
      />
      <select
        className="select select--sm"
        aria-label="Direction"
        value={String(v.direction ?? "ago")}
        disabled={props.readOnly}
        onChange={(e) => props.onChange({ ...v, direction: e.target.value })}
      >
        <option value="ago">ago</option>
        <option value="from_now">from now</option>
      </select>
    </>
  );
}
