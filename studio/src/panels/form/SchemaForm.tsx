import { FormContext, type FormContextValue } from "./formContext.js";
import { ObjectFields } from "./ObjectFields.js";
import { TopLevelUnion } from "./UnionField.js";
import { alternatives, isRecord, resolve, type JsonSchema } from "./jsonSchema.js";

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
