import { typeOf, type JsonSchema } from "./jsonSchema.js";

/** A number or an integer, within the schema's bounds. */
export function NumberInput(props: {
  id: string;
  schema: JsonSchema;
  value: unknown;
  readOnly: boolean;
  invalid: boolean;
  onChange(value: number | undefined): void;
}) {
  const { schema, value } = props;
  return (
    <input
      id={props.id}
      className="input nodrag"
      type="number"
      min={schema.minimum ?? schema.exclusiveMinimum}
      max={schema.maximum}
      step={typeOf(schema) === "integer" ? 1 : "any"}
      value={typeof value === "number" ? value : ""}
      placeholder={typeof schema.default === "number" ? `${schema.default} (default)` : undefined}
      readOnly={props.readOnly}
      aria-invalid={props.invalid}
      onChange={(e) => props.onChange(e.target.value === "" ? undefined : Number(e.target.value))}
    />
  );
}
