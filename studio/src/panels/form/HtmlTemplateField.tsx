import { lazy, Suspense, useState, type ComponentProps } from "react";
import { TemplateField } from "./TemplateField.js";

const RichTextEditor = lazy(() => import("./RichTextEditor.js"));

/** Markup the visual editor would drop or rewrite: tables, styles, Liquid loops and conditions between tags. */
const BEYOND_VISUAL = /<(table|style|head|center|font)\b|{%/i;

/** Whether the visual editor can open this HTML without losing any of it. */
export function fitsVisualEditor(html: string): boolean {
  return !BEYOND_VISUAL.test(html);
}

/** An HTML template field: the source with Liquid completion, or a visual editor for simple bodies. */
export function HtmlTemplateField({
  label,
  ...props
}: ComponentProps<typeof TemplateField> & { label: string }) {
  const [mode, setMode] = useState<"html" | "visual">("html");
  const visualOk = fitsVisualEditor(props.value);
  return (
    <div className="html-field">
      <div className="segmented" role="group" aria-label="Editor">
        <button
          type="button"
          className={mode === "html" ? "btn btn--sm btn--active" : "btn btn--sm"}
          aria-pressed={mode === "html"}
          onClick={() => setMode("html")}
        >
          HTML
        </button>
        <button
          type="button"
          className={mode === "visual" ? "btn btn--sm btn--active" : "btn btn--sm"}
          aria-pressed={mode === "visual"}
          disabled={!visualOk}
          title={
            visualOk
              ? undefined
              : "This body uses tables, styles or Liquid loops, which only the HTML editor keeps"
          }
          onClick={() => setMode("visual")}
        >
          Visual
        </button>
      </div>
      {mode === "visual" && visualOk ? (
        <Suspense fallback={<p className="muted">Loading the editor…</p>}>
          <RichTextEditor
            id={props.id}
            label={label}
            value={props.value}
            readOnly={props.readOnly}
            onChange={props.onChange}
          />
        </Suspense>
      ) : (
        <TemplateField {...props} />
      )}
    </div>
  );
}
