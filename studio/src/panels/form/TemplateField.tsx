import { useEffect, useRef, useState } from "react";
import {
  applyCompletion,
  completionSite,
  filterSuggestions,
  type CompletionSite,
} from "./liquidComplete.js";

type Props = {
  id: string;
  value: string;
  multiline: boolean;
  suggestions: string[];
  readOnly: boolean;
  invalid: boolean;
  renderPreview?: (template: string) => Promise<string>;
  onChange(value: string): void;
};

/** A Liquid template input: completes `{{ profile.… }}` and `{{ event.properties.… }}`, and previews the result. */
export function TemplateField(props: Props) {
  const { id, value, multiline, suggestions, readOnly, invalid, renderPreview, onChange } = props;
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const [site, setSite] = useState<CompletionSite | null>(null);
  const [active, setActive] = useState(0);
  const [preview, setPreview] = useState<{ text: string; error: boolean } | null>(null);
  const matches = site ? filterSuggestions(suggestions, site.prefix) : [];
  const open = !readOnly && site !== null && matches.length > 0;

  useEffect(() => {
    if (!renderPreview || !value.includes("{")) {
      setPreview(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      renderPreview(value).then(
        (text) => !cancelled && setPreview({ text, error: false }),
        (error: unknown) =>
          !cancelled &&
          setPreview({ text: error instanceof Error ? error.message : String(error), error: true }),
      );
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [value, renderPreview]);

  const refresh = (text: string, cursor: number) => {
    setSite(completionSite(text, cursor));
    setActive(0);
  };

  const accept = (suggestion: string) => {
    if (!site) return;
    const next = applyCompletion(value, site, suggestion);
    onChange(next.text);
    setSite(null);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const common = {
    id,
    ref,
    value,
    readOnly,
    spellCheck: false,
    "aria-invalid": invalid,
    "aria-autocomplete": "list" as const,
    "aria-expanded": open,
    "aria-controls": `${id}-suggestions`,
    role: "combobox",
    className: `${multiline ? "textarea" : "input"} template-input nodrag`,
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => {
      onChange(e.target.value);
      refresh(e.target.value, e.target.selectionStart ?? e.target.value.length);
    },
    onBlur: () => setTimeout(() => setSite(null), 120),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (!open) return;
      if (e.key === "ArrowDown") setActive((a) => (a + 1) % matches.length);
      else if (e.key === "ArrowUp") setActive((a) => (a - 1 + matches.length) % matches.length);
      else if (e.key === "Enter" || e.key === "Tab") accept(matches[active] ?? matches[0] ?? "");
      else if (e.key === "Escape") setSite(null);
      else return;
      e.preventDefault();
      e.stopPropagation();
    },
  };

  return (
    <div className="template-field">
      {multiline ? <textarea {...common} rows={5} /> : <input {...common} />}
      {open ? (
        <ul className="suggestions" id={`${id}-suggestions`} role="listbox">
          {matches.map((m, i) => (
            <li
              key={m}
              role="option"
              aria-selected={i === active}
              className={i === active ? "suggestion suggestion--active" : "suggestion"}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(m);
              }}
            >
              <code>{m}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {preview ? (
        <div
          className={
            preview.error ? "template-preview template-preview--error" : "template-preview"
          }
          aria-live="polite"
        >
          <span className="template-preview__label">
            {preview.error ? "Template error" : "Preview"}
          </span>
          {preview.text || <em className="muted">(empty)</em>}
        </div>
      ) : null}
    </div>
  );
}
