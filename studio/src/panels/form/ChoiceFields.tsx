import { humanise, type JsonSchema } from "./jsonSchema.js";

/** One of a schema's enumerated values; an optional field (or one not yet set) may also be left at its default. */
export function EnumSelect(props: {
  id: string;
  schema: JsonSchema;
  options: unknown[];
  value: unknown;
  required: boolean;
  disabled: boolean;
  onChange(value: unknown): void;
}) {
  const { id, schema, options, value } = props;
  return (
    <select
      id={id}
      className="select"
      disabled={props.disabled}
      value={value === undefined ? "" : String(value)}
      onChange={(e) => {
        const picked = options.find((o) => String(o) === e.target.value);
        props.onChange(e.target.value === "" ? undefined : picked);
      }}
    >
      {props.required && value !== undefined ? null : (
        <option value="">
          {schema.default !== undefined ? `Default (${humanise(String(schema.default))})` : "—"}
        </option>
      )}
      {options.map((o) => (
        <option key={String(o)} value={String(o)}>
          {humanise(String(o))}
        </option>
      ))}
    </select>
  );
}

/** A segment of the workspace, by name; an id no segment has stays visible as unknown. */
export function SegmentSelect(props: {
  id: string;
  value: unknown;
  segments: { id: string; name: string }[];
  disabled: boolean;
  onChange(value: string | undefined): void;
}) {
  const { value, segments } = props;
  return (
    <select
      id={props.id}
      className="select"
      value={typeof value === "string" ? value : ""}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value || undefined)}
    >
      <option value="">Choose a segment…</option>
      {segments.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
      {typeof value === "string" && value && !segments.some((s) => s.id === value) ? (
        <option value={value}>{value} (unknown)</option>
      ) : null}
    </select>
  );
}

/** A yes/no field, its label beside the box; unset reads as the schema's default. */
export function CheckboxField(props: {
  id: string;
  label: string;
  help?: string;
  schema: JsonSchema;
  value: unknown;
  disabled: boolean;
  onChange(value: boolean): void;
}) {
  const { id, value } = props;
  return (
    <div className="field field--check">
      <input
        id={id}
        type="checkbox"
        checked={value === true || (value === undefined && props.schema.default === true)}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id} className="field__label">
        {props.label}
      </label>
      {props.help ? <span className="field__help">{props.help}</span> : null}
    </div>
  );
}
