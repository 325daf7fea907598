import { useEffect, useState } from "react";
import type { SampleEvent } from "../preview.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The sample event's properties as JSON the marketer can edit; a broken edit says so and changes nothing. */
export function SampleEventField({
  event,
  onChange,
}: {
  event: SampleEvent;
  onChange(event: SampleEvent): void;
}) {
  const [text, setText] = useState(() => JSON.stringify(event.properties, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const shown = JSON.stringify(event.properties);
  // The event arrives after the profile's history loads: show it, unless the text already says the same.
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === shown) return current;
      } catch {
        // A half-typed edit is replaced only by a new profile's event, below.
      }
      return JSON.stringify(JSON.parse(shown), null, 2);
    });
  }, [shown]);
  return (
    <div className="field">
      <label className="field__label" htmlFor="sample-event-properties">
        Sample event{event.name ? ` “${event.name}”` : ""}: its properties
      </label>
      <textarea
        id="sample-event-properties"
        className="textarea"
        rows={6}
        spellCheck={false}
        value={text}
        aria-invalid={problem !== null}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value || "{}");
            if (!isRecord(parsed)) throw new Error("not an object");
            setProblem(null);
            onChange({ name: event.name, properties: parsed });
          } catch {
            setProblem('Write the properties as JSON, for example {"currency": "EUR"}');
          }
        }}
      />
      {problem ? <p className="field__error">{problem}</p> : null}
    </div>
  );
}
