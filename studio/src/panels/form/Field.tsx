import { memo, useId, type ReactNode } from "react";
import { ConditionBuilder } from "../../components/ConditionBuilder.js";
import { JourneyConditionScope } from "../../components/condition/journeyScope.js";
import { ArrayField } from "./ArrayField.js";
import { CheckboxField, EnumSelect, SegmentSelect } from "./ChoiceFields.js";
import { browserTimeZone, DateTimeInput } from "./DateTimeInput.js";
import { FieldShell } from "./FieldShell.js";
import { useForm, type FormContextValue } from "./formContext.js";
import { NumberInput } from "./NumberInput.js";
import { ObjectField } from "./ObjectFields.js";
import { HtmlTemplateField } from "./HtmlTemplateField.js";
import { TemplateField } from "./TemplateField.js";
import { JsonField, TextInput } from "./TextFields.js";
import { UnionField } from "./UnionField.js";
import {
  alternatives,
  enumOptions,
  isRecord,
  resolve,
  shownValue,
  typeOf,
  type JsonSchema,
} from "./jsonSchema.js";

/** One field of a form: its schema and value, where it sits, and how it reports a change. */
export type FieldProps = {
  /** Top-level field name (UI hints are keyed by it), or null inside nested structures. */
  hintKey: string | null;
  /** The property name, at any depth (nested `condition` and `where` fields get the condition builder). */
  propName?: string;
  label: string;
  schema: JsonSchema;
  value: unknown;
  path: string;
  required: boolean;
  onChange(value: unknown): void;
};

/** A field the UI hints name as a condition, or a nested `condition` / `where` whose schema is a condition. */
function isConditionField(props: FieldProps, schema: JsonSchema, form: FormContextValue): boolean {
  const { hintKey, propName } = props;
  if (hintKey !== null)
    return (
      (form.ui.conditionFields?.includes(hintKey) ?? false) &&
      typeOf(schema) !== "array" &&
      !schema.properties
    );
  return (
    (propName === "condition" || propName === "where") && alternatives(schema, form.root).length > 0
  );
}

/**
 * Chooses a field's control from its schema and the form's UI hints, never from the node type: a condition,
 * a segment, a template, an enumeration, a union of shapes, then by JSON type.
 */
export const Field = memo(function Field(props: FieldProps) {
  const form = useForm();
  const id = useId();
  const { hintKey, label, value, path, required, onChange } = props;
  const schema = resolve(props.schema, form.root);
  const help = (hintKey ? form.ui.help?.[hintKey] : undefined) ?? schema.description;
  const error = form.errors[path];
  const shell = (control: ReactNode) => (
    <FieldShell id={id} label={label} help={help} error={error} required={required}>
      {control}
    </FieldShell>
  );
  const disabled = form.readOnly;
  const shown = shownValue(schema, value);

  if (isConditionField(props, schema, form)) {
    // `where` tests the event's own properties; other conditions test the profile.
    const mode = props.propName === "where" ? "property" : "profile";
    return shell(
      // The forms edit journeys (steps and settings): event tests may count since entering it.
      <JourneyConditionScope.Provider value>
        <ConditionBuilder
          id={id}
          value={isRecord(value) ? value : undefined}
          onChange={(next) => onChange(next)}
          readOnly={disabled}
          events={form.events}
          mode={mode}
        />
      </JourneyConditionScope.Provider>,
    );
  }
  if (hintKey && form.ui.segmentFields?.includes(hintKey)) {
    return shell(
      <SegmentSelect
        id={id}
        value={value}
        segments={form.segments}
        disabled={disabled}
        onChange={onChange}
      />,
    );
  }
  if (hintKey && form.ui.liquid?.includes(hintKey)) {
    const template = {
      id,
      value: typeof shown === "string" ? shown : "",
      multiline: form.ui.multiline?.includes(hintKey) ?? false,
      suggestions: form.suggestions,
      readOnly: disabled,
      invalid: Boolean(error),
      renderPreview: form.renderPreview,
      onChange: (next: string) => onChange(next),
    };
    return shell(
      form.ui.html?.includes(hintKey) ? (
        <HtmlTemplateField {...template} label={label} />
      ) : (
        <TemplateField {...template} />
      ),
    );
  }
  const options = enumOptions(schema, form.root);
  if (options) {
    return shell(
      <EnumSelect
        id={id}
        schema={schema}
        options={options}
        value={value}
        required={required}
        disabled={disabled}
        onChange={onChange}
      />,
    );
  }

  const alts = alternatives(schema, form.root);
  if (alts.length > 1 && !schema.properties) {
    return <UnionField {...props} alts={alts} id={id} help={help} error={error} />;
  }
  const single = alts.length === 1 && alts[0] ? alts[0] : schema;
  switch (typeOf(single)) {
    case "string": {
      if (single.format === "date-time")
        return (
          <FieldShell
            id={id}
            label={label}
            help={`${help ? `${help} ` : ""}On your clock (${browserTimeZone()}).`}
            error={error}
            required={required}
          >
            <DateTimeInput
              id={id}
              value={shown}
              readOnly={disabled}
              invalid={Boolean(error)}
              onChange={onChange}
            />
          </FieldShell>
        );
      const eventField = hintKey ? form.ui.eventFields?.includes(hintKey) : false;
      return shell(
        <TextInput
          id={id}
          schema={single}
          value={shown}
          required={required}
          keepEmpty={schema.default !== undefined}
          multiline={hintKey ? (form.ui.multiline?.includes(hintKey) ?? false) : false}
          events={eventField ? form.events : null}
          readOnly={disabled}
          invalid={Boolean(error)}
          onChange={onChange}
        />,
      );
    }
    case "number":
    case "integer":
      return shell(
        <NumberInput
          id={id}
          schema={single}
          value={shown}
          readOnly={disabled}
          invalid={Boolean(error)}
          onChange={onChange}
        />,
      );
    case "boolean":
      return (
        <CheckboxField
          id={id}
          label={label}
          help={help}
          schema={single}
          value={value}
          disabled={disabled}
          onChange={onChange}
        />
      );
    case "object":
      return (
        <ObjectField
          schema={single}
          label={label}
          help={help}
          error={error}
          value={value}
          path={path}
          required={required}
          onChange={onChange}
        />
      );
    case "array":
      return (
        <ArrayField
          schema={single}
          label={label}
          value={Array.isArray(value) ? value : []}
          path={path}
          onChange={onChange}
          help={help}
          error={error}
        />
      );
    default:
      return shell(<JsonField id={id} value={value} readOnly={disabled} onChange={onChange} />);
  }
});
