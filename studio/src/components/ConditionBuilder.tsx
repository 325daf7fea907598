import { useId } from "react";

/**
 * Builds the condition JSON of DESIGN.md ("Conditions"): groups of `all`/`any`, `not`, attribute
 * tests and event-history tests. Used by segments, branches, trigger filters and exit criteria.
 */
type Cond = Record<string, unknown>;
type Props = {
  id?: string;
  value: Cond | undefined;
  onChange(value: Cond | undefined): void;
  readOnly?: boolean;
  events?: string[];
  /** "property" conditions test an event's properties, so they have no event-history rules. */
  mode?: "profile" | "property";
};

const ATTR_OPS: [string, string][] = [
  ["eq", "is"],
  ["neq", "is not"],
  ["gt", ">"],
  ["gte", "≥"],
  ["lt", "<"],
  ["lte", "≤"],
  ["in", "is one of"],
  ["contains", "contains"],
  ["exists", "is set"],
  ["before", "is before"],
  ["after", "is after"],
];
const EVENT_OPS: [string, string][] = [
  ["performed", "has done"],
  ["not_performed", "has not done"],
  ["count_gte", "done at least"],
  ["count_lte", "done at most"],
];
const UNITS = ["minute", "hour", "day", "week"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function groupOf(value: Cond | undefined): { mode: "all" | "any"; items: Cond[] } {
  if (value && Array.isArray(value.any)) return { mode: "any", items: value.any.filter(isRecord) };
  if (value && Array.isArray(value.all)) return { mode: "all", items: value.all.filter(isRecord) };
  if (value && Object.keys(value).length) return { mode: "all", items: [value] };
  return { mode: "all", items: [] };
}

/** Turns what a person typed into the JSON value the condition expects. */
export function parseScalar(text: string, op: string): unknown {
  const trimmed = text.trim();
  if (["gt", "gte", "lt", "lte"].includes(op) && trimmed !== "" && !Number.isNaN(Number(trimmed)))
    return Number(trimmed);
  if (op === "in")
    return trimmed
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => parseScalar(s, "eq"));
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}

function scalarText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (value === undefined || value === null || isRecord(value)) return "";
  return String(value);
}

export function ConditionBuilder(props: Props) {
  const { value, onChange, readOnly = false, events = [], mode = "profile" } = props;
  const group = groupOf(value);
  const emit = (items: Cond[], groupMode = group.mode) =>
    onChange(items.length ? { [groupMode]: items } : undefined);
  return (
    <div className="condition" id={props.id} role="group" aria-label="Condition">
      <Group
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

function Group(props: {
  mode: "all" | "any";
  items: Cond[];
  onChange(items: Cond[], mode: "all" | "any"): void;
  readOnly: boolean;
  events: string[];
  kind: "profile" | "property";
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
              <Group
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
          <Rule
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

function Rule(props: {
  value: Cond;
  onChange(value: Cond | undefined): void;
  readOnly: boolean;
  events: string[];
  kind: "profile" | "property";
}) {
  const { readOnly, events, onChange } = props;
  const id = useId();
  const negated = isRecord(props.value.not);
  const rule: Cond = negated && isRecord(props.value.not) ? props.value.not : props.value;
  const set = (next: Cond) => onChange(negated ? { not: next } : next);
  const isEvent = typeof rule.event === "string";
  const op = typeof rule.op === "string" ? rule.op : isEvent ? "performed" : "eq";
  const within = isRecord(rule.within) ? rule.within : null;

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
      {isEvent ? (
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
              <select
                className="select select--sm"
                aria-label="Window unit"
                value={String(within.unit ?? "day")}
                disabled={readOnly}
                onChange={(e) => set({ ...rule, within: { ...within, unit: e.target.value } })}
              >
                {UNITS.map((u) => (
                  <option key={u} value={u}>
                    {u}s
                  </option>
                ))}
              </select>
            </>
          ) : null}
        </>
      ) : (
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
      <select
        className="select select--sm"
        aria-label="Unit"
        value={String(v.unit ?? "day")}
        disabled={props.readOnly}
        onChange={(e) => props.onChange({ ...v, unit: e.target.value })}
      >
        {UNITS.map((u) => (
          <option key={u} value={u}>
            {u}s
          </option>
        ))}
      </select>
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
