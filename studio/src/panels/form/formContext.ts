import { createContext, useContext } from "react";
import type { UiHints } from "../../catalog/types.js";
import type { JsonSchema } from "./jsonSchema.js";

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

/** Provided by `SchemaForm` to every field, at any depth. */
export const FormContext = createContext<FormContextValue | null>(null);

/** The enclosing form's context. */
export function useForm(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error("SchemaForm fields must be rendered inside <SchemaForm>");
  return ctx;
}
