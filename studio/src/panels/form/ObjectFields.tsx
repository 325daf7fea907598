import { Field } from "./Field.js";
import { FieldNote } from "./FieldShell.js";
import { useForm } from "./formContext.js";
import { defaultFor, humanise, isRecord, resolve, typeOf, type JsonSchema } from "./jsonSchema.js";

function orderedKeys(schema: JsonSchema, order: string[] | undefined): string[] {
  const keys = Object.keys(schema.properties ?? {});
  if (!order) return keys;
  return [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k))];
}

/** One field per property of an object schema; at the top level in the order and with the labels of the UI hints. */
export function ObjectFields(props: {
  schema: JsonSchema;
  value: Record<string, unknown>;
  path: string;
  topLevel: boolean;
  onChange(value: Record<string, unknown>): void;
}) {
  const { ui } = useForm();
  const { schema, value, path, topLevel, onChange } = props;
  const keys = orderedKeys(schema, topLevel ? ui.order : undefined);
  return (
    <>
      {keys.map((key) => {
        const prop = schema.properties?.[key];
        if (!prop) return null;
        const label = (topLevel ? ui.labels?.[key] : undefined) ?? prop.title ?? humanise(key);
        return (
          <Field
            key={key}
            hintKey={topLevel ? key : null}
            propName={key}
            label={label}
            schema={prop}
            value={value[key]}
            path={path ? `${path}.${key}` : key}
            required={schema.required?.includes(key) ?? false}
            onChange={(next) => {
              const copy = { ...value };
              if (next === undefined) delete copy[key];
              else copy[key] = next;
              onChange(copy);
            }}
          />
        );
      })}
    </>
  );
}

/** Objects of two or three plain fields (a duration) render on one line. */
function isCompactObject(schema: JsonSchema, root: JsonSchema): boolean {
  const props = Object.values(schema.properties ?? {});
  return (
    props.length > 0 &&
    props.length <= 3 &&
    props.every((p) => ["string", "number", "integer"].includes(typeOf(resolve(p, root)) ?? ""))
  );
}

/** A nested object (a duration, a goal): its fields in a group, which an optional object may add or remove. */
export function ObjectField(props: {
  schema: JsonSchema;
  label: string;
  help?: string;
  error?: string;
  value: unknown;
  path: string;
  required: boolean;
  onChange(value: unknown): void;
}) {
  const form = useForm();
  const { schema, label, help, value, required, onChange } = props;
  const disabled = form.readOnly;
  // An optional group (a goal, a timeout) stays folded until the person asks for it.
  if (!required && value === undefined) {
    return (
      <div className="field field--optional-group">
        <span className="field__label">{label}</span>
        {help ? <span className="field__help">{help}</span> : null}
        {!disabled ? (
          <button
            type="button"
            className="btn btn--sm btn--dashed"
            onClick={() => onChange(defaultFor(schema, form.root) ?? {})}
          >
            + Add {label.toLowerCase()}
          </button>
        ) : (
          <span className="muted small">Not set</span>
        )}
      </div>
    );
  }
  const compact = isCompactObject(schema, form.root);
  return (
    <fieldset className={compact ? "fieldset fieldset--compact" : "fieldset"}>
      <legend className="field__label">
        {label}
        {!required && !disabled ? (
          <button
            type="button"
            className="btn btn--ghost btn--xs"
            aria-label={`Remove ${label}`}
            onClick={() => onChange(undefined)}
          >
            Remove
          </button>
        ) : null}
      </legend>
      <ObjectFields
        schema={schema}
        value={isRecord(value) ? value : {}}
        path={props.path}
        topLevel={false}
        onChange={onChange}
      />
      <FieldNote error={props.error} help={help} />
    </fieldset>
  );
}
