import { createContext, memo, useContext, useId, type ReactNode } from "react";
import type { UiHints } from "../../catalog/types.js";
import { ConditionBuilder } from "../../components/ConditionBuilder.js";
import { TemplateField } from "./TemplateField.js";
import {
  alternativeLabel,
  alternatives,
  bestAlternative,
  defaultFor,
  enumOptions,
  humanise,
  resolve,
  typeOf,
  type JsonSchema,
} from "./jsonSchema.js";

/** What every field of one form may need besides its own schema and value. */
export type FormContextValue = {
  root: JsonSchema;
  ui: UiHints;
  readOnly: boolean;
  segments: { id: string; name: string }[];
  events: string[];
  suggestions: string[];
  /** Liquid rendering for previews of template fields. */
  renderPreview?: (template: string) => Promise<string>;
  errors: Record<string, string>;
};

const FormContext = createContext<FormContextValue | null>(null);

function useForm(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error("SchemaForm fields must be rendered inside <SchemaForm>");
  return ctx;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type FieldProps = {
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

/**
 * The one form renderer: every node type's config form (and the journey settings form) is built
 * from its JSON Schema plus UI hints. No node type has a form of its own.
 */
export function SchemaForm(
  props: {
    schema: JsonSchema;
    value: unknown;
    onChange(value: Record<string, unknown>): void;
  } & Omit<FormContextValue, "root">,
) {
  const { schema, value, onChange, ...ctx } = props;
  const root = schema;
  const s = resolve(schema, root);
  const current = isRecord(value) ? value : {};
  const alts = s.properties ? [] : alternatives(s, root);
  return (
    <FormContext.Provider value={{ ...ctx, root }}>
      <div className="schema-form">
        {alts.length > 1 ? (
          <TopLevelUnion alts={alts} value={current} onChange={onChange} />
        ) : (
          <ObjectFields
            schema={alts[0] ?? s}
            value={current}
            path=""
            topLevel
            onChange={onChange}
          />
        )}
      </div>
    </FormContext.Provider>
  );
}

/** A config that is one of several shapes (wait until a date, or a time window): pick the shape, then its fields. */
function TopLevelUnion({
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

function orderedKeys(schema: JsonSchema, order: string[] | undefined): string[] {
  const keys = Object.keys(schema.properties ?? {});
  if (!order) return keys;
  return [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k))];
}

function ObjectFields(props: {
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

function FieldShell(props: {
  id: string;
  label: string;
  help?: string;
  error?: string;
  required: boolean;
  children: ReactNode;
  inline?: boolean;
}) {
  return (
    <div className={props.inline ? "field field--inline" : "field"}>
      <label className="field__label" htmlFor={props.id}>
        {props.label}
        {props.required ? null : <span className="field__optional"> · optional</span>}
      </label>
      {props.children}
      {props.error ? (
        <span className="field__error" role="alert">
          {props.error}
        </span>
      ) : props.help ? (
        <span className="field__help">{props.help}</span>
      ) : null}
    </div>
  );
}

const Field = memo(function Field(props: FieldProps) {
  const form = useForm();
  const id = useId();
  const { hintKey, label, value, path, required, onChange } = props;
  const schema = resolve(props.schema, form.root);
  const help = (hintKey ? form.ui.help?.[hintKey] : undefined) ?? schema.description;
  const error = form.errors[path];
  const shell = (control: ReactNode, inline = false) => (
    <FieldShell id={id} label={label} help={help} error={error} required={required} inline={inline}>
      {control}
    </FieldShell>
  );
  const disabled = form.readOnly;

  const conditionField =
    (hintKey !== null &&
      (form.ui.conditionFields?.includes(hintKey) ?? false) &&
      typeOf(schema) !== "array" &&
      !schema.properties) ||
    (hintKey === null &&
      (props.propName === "condition" || props.propName === "where") &&
      alternatives(schema, form.root).length > 0);
  if (conditionField) {
    // `where` tests the event's own properties; other conditions test the profile.
    const mode = props.propName === "where" ? "property" : "profile";
    return shell(
      <ConditionBuilder
        id={id}
        value={isRecord(value) ? value : undefined}
        onChange={(next) => onChange(next)}
        readOnly={disabled}
        events={form.events}
        mode={mode}
      />,
    );
  }
  if (hintKey && form.ui.segmentFields?.includes(hintKey)) {
    return shell(
      <select
        id={id}
        className="select"
        value={typeof value === "string" ? value : ""}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">Choose a segment…</option>
        {form.segments.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        {typeof value === "string" && value && !form.segments.some((s) => s.id === value) ? (
          <option value={value}>{value} (unknown)</option>
        ) : null}
      </select>,
    );
  }
  if (hintKey && form.ui.liquid?.includes(hintKey)) {
    return shell(
      <TemplateField
        id={id}
        value={typeof value === "string" ? value : ""}
        multiline={form.ui.multiline?.includes(hintKey) ?? false}
        suggestions={form.suggestions}
        readOnly={disabled}
        invalid={Boolean(error)}
        renderPreview={form.renderPreview}
        onChange={(next) => onChange(next)}
      />,
    );
  }

  const options = enumOptions(schema, form.root);
  if (options) {
    return shell(
      <select
        id={id}
        className="select"
        disabled={disabled}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => {
          const picked = options.find((o) => String(o) === e.target.value);
          onChange(e.target.value === "" ? undefined : picked);
        }}
      >
        {required && value !== undefined ? null : (
          <option value="">
            {schema.default !== undefined ? `Default (${String(schema.default)})` : "—"}
          </option>
        )}
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {humanise(String(o))}
          </option>
        ))}
      </select>,
    );
  }

  const alts = alternatives(schema, form.root);
  if (alts.length > 1 && !schema.properties) {
    return <UnionField {...props} alts={alts} id={id} help={help} error={error} />;
  }
  const single = alts.length === 1 && alts[0] ? alts[0] : schema;

  switch (typeOf(single)) {
    case "string": {
      const eventField = hintKey ? form.ui.eventFields?.includes(hintKey) : false;
      const multiline = hintKey ? form.ui.multiline?.includes(hintKey) : false;
      const listId = `${id}-events`;
      const text = typeof value === "string" ? value : "";
      const update = (next: string) => onChange(next === "" && !required ? undefined : next);
      if (multiline)
        return shell(
          <textarea
            id={id}
            className="textarea nodrag"
            value={text}
            readOnly={disabled}
            onChange={(e) => update(e.target.value)}
          />,
        );
      return shell(
        <>
          <input
            id={id}
            className="input nodrag"
            type={single.format === "date-time" ? "text" : "text"}
            placeholder={
              single.format === "date-time"
                ? "2026-01-31T09:00:00Z"
                : eventField
                  ? "event_name"
                  : undefined
            }
            value={text}
            readOnly={disabled}
            aria-invalid={Boolean(error)}
            list={eventField ? listId : undefined}
            onChange={(e) => update(e.target.value)}
          />
          {eventField ? (
            <datalist id={listId}>
              {form.events.map((ev) => (
                <option key={ev} value={ev} />
              ))}
            </datalist>
          ) : null}
        </>,
      );
    }
    case "number":
    case "integer":
      return shell(
        <input
          id={id}
          className="input nodrag"
          type="number"
          min={single.minimum ?? single.exclusiveMinimum}
          max={single.maximum}
          step={typeOf(single) === "integer" ? 1 : "any"}
          value={typeof value === "number" ? value : ""}
          readOnly={disabled}
          aria-invalid={Boolean(error)}
          onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
        />,
      );
    case "boolean":
      return (
        <div className="field field--check">
          <input
            id={id}
            type="checkbox"
            checked={value === true || (value === undefined && single.default === true)}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={id} className="field__label">
            {label}
          </label>
          {help ? <span className="field__help">{help}</span> : null}
        </div>
      );
    case "object": {
      const compact = isCompactObject(single, form.root);
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
                onClick={() => onChange(defaultFor(single, form.root) ?? {})}
              >
                + Add {label.toLowerCase()}
              </button>
            ) : (
              <span className="muted small">Not set</span>
            )}
          </div>
        );
      }
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
            schema={single}
            value={isRecord(value) ? value : {}}
            path={path}
            topLevel={false}
            onChange={onChange}
          />
          {error ? (
            <span className="field__error">{error}</span>
          ) : help ? (
            <span className="field__help">{help}</span>
          ) : null}
        </fieldset>
      );
    }
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

/** Objects of two or three plain fields (a duration) render on one line. */
function isCompactObject(schema: JsonSchema, root: JsonSchema): boolean {
  const props = Object.values(schema.properties ?? {});
  return (
    props.length > 0 &&
    props.length <= 3 &&
    props.every((p) => ["string", "number", "integer"].includes(typeOf(resolve(p, root)) ?? ""))
  );
}

function UnionField(
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
      {props.error ? (
        <span className="field__error">{props.error}</span>
      ) : props.help ? (
        <span className="field__help">{props.help}</span>
      ) : null}
    </div>
  );
}

function ArrayField(props: {
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
            label={`${itemSchema.title ?? "Item"} ${index + 1}`}
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
          + Add {itemSchema.title?.toLowerCase() ?? "item"}
        </button>
      ) : null}
      {props.error ? (
        <span className="field__error">{props.error}</span>
      ) : props.help ? (
        <span className="field__help">{props.help}</span>
      ) : null}
    </fieldset>
  );
}

function JsonField(props: {
  id: string;
  value: unknown;
  readOnly: boolean;
  onChange(value: unknown): void;
}) {
  return (
    <textarea
      id={props.id}
      className="textarea textarea--mono nodrag"
      defaultValue={props.value === undefined ? "" : JSON.stringify(props.value, null, 2)}
      readOnly={props.readOnly}
      onBlur={(e) => {
        try {
          props.onChange(e.target.value.trim() ? JSON.parse(e.target.value) : undefined);
        } catch {
          // Keep the text until it parses; the validator reports the field meanwhile.
        }
      }}
    />
  );
}
