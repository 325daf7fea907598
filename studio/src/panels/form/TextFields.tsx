import { UnseenEventNote } from "../../components/UnseenEventNote.js";
import type { JsonSchema } from "./jsonSchema.js";

/** A string field: one line (with the workspace's event names offered for event fields), or several. */
export function TextInput(props: {
  id: string;
  schema: JsonSchema;
  value: unknown;
  required: boolean;
  /** The field has a default: emptying it keeps an empty text rather than falling back to the default. */
  keepEmpty?: boolean;
  multiline: boolean;
  /** Event names to offer, for a field that names an event; null for any other text. */
  events: string[] | null;
  readOnly: boolean;
  invalid: boolean;
  onChange(value: string | undefined): void;
}) {
  const { id, schema, required, events, readOnly } = props;
  const text = typeof props.value === "string" ? props.value : "";
  const update = (next: string) =>
    props.onChange(next === "" && !required && !props.keepEmpty ? undefined : next);
  if (props.multiline)
    return (
      <textarea
        id={id}
        className="textarea nodrag"
        value={text}
        placeholder={typeof schema.default === "string" ? schema.default : undefined}
        readOnly={readOnly}
        onChange={(e) => update(e.target.value)}
      />
    );
  const listId = `${id}-events`;
  return (
    <>
      <input
        id={id}
        className="input nodrag"
        type="text"
        placeholder={
          typeof schema.default === "string" && schema.default
            ? `${schema.default} (default)`
            : schema.format === "date-time"
              ? "2026-01-31T09:00:00Z"
              : events
                ? "event_name"
                : undefined
        }
        value={text}
        readOnly={readOnly}
        aria-invalid={props.invalid}
        list={events ? listId : undefined}
        onChange={(e) => update(e.target.value)}
      />
      {events ? (
        <>
          <datalist id={listId}>
            {events.map((ev) => (
              <option key={ev} value={ev} />
            ))}
          </datalist>
          <UnseenEventNote name={text} />
        </>
      ) : null}
    </>
  );
}

/** Any value the form has no control for, edited as JSON and taken when it parses. */
export function JsonField(props: {
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
