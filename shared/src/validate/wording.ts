import type { NodeType } from "../registry.js";

/** A step's name in quotes, cut short so a long name does not swallow the sentence around it. */
export function quoted(name: string): string {
  return `'${name.length > 60 ? `${name.slice(0, 57)}...` : name}'`;
}

/** How nested config keys read in a sentence (a condition's `attr` is its "attribute"). */
const KEY_WORDS: Record<string, string> = {
  attr: "attribute",
  op: "comparison",
  event: "event",
  segmentId: "segment",
  html: "body",
  url: "address",
  amount: "amount",
  unit: "unit",
  within: "time window",
  startsAt: "start date",
  endsAt: "end date",
  entryRate: "entry limits",
  perHour: "people per hour",
  perDay: "people per day",
  atTime: "time of day",
};

/** "a subject", "an event": the indefinite article a noun takes. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

function words(key: string): string {
  return (
    KEY_WORDS[key] ??
    key
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/_/g, " ")
      .toLowerCase()
  );
}

/**
 * A config or settings field as a sentence names it: `owner` is the top field (the form's label when
 * the node type has one, "channel 2" for the second of a list), `leaf` the nested field the problem is
 * about, or null when the problem is about the top field itself.
 */
export function describeField(
  def: NodeType | undefined,
  path: (string | number)[],
): { owner: string; leaf: string | null } {
  const top = path[0];
  if (top === undefined) return { owner: "settings", leaf: null };
  const label = typeof top === "string" ? def?.ui.labels?.[top] : undefined;
  // Labels are written for forms ("Time limit"); inside a sentence they read lower-case unless an acronym.
  let owner = label
    ? /^[A-Z][a-z]/.test(label)
      ? label[0]?.toLowerCase() + label.slice(1)
      : label
    : words(String(top));
  const index = path[1];
  if (typeof index === "number") owner = `${owner.replace(/s$/, "")} ${index + 1}`;
  const last = [...path.slice(1)].reverse().find((p): p is string => typeof p === "string");
  return { owner, leaf: last === undefined ? null : words(last) };
}

/** A field in one phrase: "time limit", or "amount of the time limit" for a nested one. */
export function humanField(def: NodeType | undefined, path: (string | number)[]): string {
  const { owner, leaf } = describeField(def, path);
  return leaf ? `${leaf} of the ${owner}` : owner;
}
