import type { NodeType } from "../registry.js";

/** A step's name in quotes, cut short so a long name does not swallow the sentence around it. */
export function quoted(name: string): string {
  return `'${name.length > 60 ? `${name.slice(0, 57)}...` : name}'`;
}

/** A config or settings field as a sentence names it: the form's label when the node type has one. */
export function humanField(def: NodeType | undefined, path: (string | number)[]): string {
  const top = path[0];
  if (top === undefined) return "settings";
  const label = typeof top === "string" ? def?.ui.labels?.[top] : undefined;
  const rest = path
    .slice(1)
    .filter((p) => typeof p === "string")
    .map(String);
  // Labels are written for forms ("Give up after"); inside a sentence they read lower-case unless an acronym.
  const base = label
    ? /^[A-Z][a-z]/.test(label)
      ? label[0]?.toLowerCase() + label.slice(1)
      : label
    : String(top)
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .toLowerCase();
  return rest.length > 0 ? `${base} (${rest.join(" ")})` : base;
}
