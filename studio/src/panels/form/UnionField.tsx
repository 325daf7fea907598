import { useId } from "react";
import { Field, type FieldProps } from "./Field.js";
import { FieldNote } from "./FieldShell.js";
import { useForm } from "./formContext.js";
import { ObjectFields } from "./ObjectFields.js";
import {
  alternativeLabel,
  bestAlternative,
  defaultFor,
  isRecord,
  type JsonSchema,
} from "./jsonSchema.js";

/** A value that is one of several shapes: pick the shape, then fill in its field. */
export function UnionField(
  props: FieldProps & { alts: JsonSchema[]; id: string; help?: string; error?: string },
) {
  const form = useForm();
  const { alts, value, onChange, label, id } = props;
  const index = value === undefined ? -1 : bestAlternative(value, alts, form.root);
  const chosen = index >= 0 ? alts[index] : undefined;
  return (
    <div className="field field--union">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={index}
        disabled={form.readOnly}
        onChange={(e) => {
          const next = Number(e.target.value);
          const alt = alts[next];
          onChange(alt ? defaultFor(alt, form.root) : undefined);
        }}
      >
        {props.required ? null : <option value={-1}>None</option>}
        {alts.map((alt, i) => (
          <option key={i} value={i}>
            {alternativeLabel(alt, form.root, i)}
          </option>
        ))}
      </select>
      {chosen ? (
        <div className="union__body">
          <Field
            hintKey={null}
            label={alternativeLabel(chosen, form.root, index)}
            schema={{ ...chosen, title: " " }}
            value={value}
            path={props.path}
            required
            onChange={onChange}
          />
        </div>
      ) : null}
      <FieldNote error={props.error} help={props.help} />
    </div>
  );
}

/** A config that is one of several shapes (wait until a date, or a time window): pick the shape, then its fields. */
export function TopLevelUnion({
  alts,
  value,
  onChange,
}: {
  alts: JsonSchema[];
  value: Record<string, unknown>;
  onChange(value: Record<string, unknown>): void;
}) {
  const form = useForm();
  const id = useId();
  const index = Object.keys(value).length ? bestAlternative(value, alts, form.root) : -1;
  const chosen = index >= 0 ? alts[index] : undefined;
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          Kind
        </label>
        <select
          id={id}
          className="select"
          value={index}
          disabled={form.readOnly}
          onChange={(e) => {
            const alt = alts[Number(e.target.value)];
            const next = alt ? defaultFor(alt, form.root) : {};
            onChange(isRecord(next) ? next : {});
          }}
        >
          {index < 0 ? <option value={-1}>Choose…</option> : null}
          {alts.map((alt, i) => (
            <option key={i} value={i}>
              {alternativeLabel(alt, form.root, i)}
            </option>
          ))}
        </select>
      </div>
      {chosen ? (
        <ObjectFields schema={chosen} value={value} path="" topLevel onChange={onChange} />
      ) : null}
    </>
  );
}
