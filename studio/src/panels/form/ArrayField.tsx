import { Field } from "./Field.js";
import { FieldNote } from "./FieldShell.js";
import { useForm } from "./formContext.js";
import { defaultFor, inSentence, resolve, singular, type JsonSchema } from "./jsonSchema.js";

/** A list: one field per item, each removable, and a button to add one while under `maxItems`. */
export function ArrayField(props: {
  schema: JsonSchema;
  label: string;
  value: unknown[];
  path: string;
  help?: string;
  error?: string;
  onChange(value: unknown[]): void;
}) {
  const form = useForm();
  const { schema, label, value, path, onChange } = props;
  const itemSchema = schema.items ? resolve(schema.items, form.root) : { type: "string" };
  const max = schema.maxItems ?? Infinity;
  const item = itemSchema.title ?? singular(label);
  return (
    <fieldset className="fieldset fieldset--array">
      <legend className="field__label">{label}</legend>
      {value.length === 0 ? <p className="field__help">None yet.</p> : null}
      {value.map((item, index) => (
        <div className="array-item" key={index}>
          <div className="array-item__head">
            <span className="array-item__index">{index + 1}</span>
            <span className="grow" />
            {!form.readOnly ? (
              <button
                type="button"
                className="btn btn--ghost btn--sm"
                aria-label={`Remove ${label} ${index + 1}`}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            ) : null}
          </div>
          <Field
            hintKey={null}
            label={`${item} ${index + 1}`}
            schema={itemSchema}
            value={item}
            path={`${path}.${index}`}
            required
            onChange={(next) => {
              const copy = value.slice();
              copy[index] = next;
              onChange(copy);
            }}
          />
        </div>
      ))}
      {!form.readOnly && value.length < max ? (
        <button
          type="button"
          className="btn btn--sm"
          onClick={() => onChange([...value, defaultFor(itemSchema, form.root)])}
        >
          + Add {inSentence(item)}
        </button>
      ) : null}
      <FieldNote error={props.error} help={props.help} />
    </fieldset>
  );
}
