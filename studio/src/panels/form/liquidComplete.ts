/** Where the cursor sits inside an unfinished `{{ … }}` or `{% … %}` tag, and the word typed so far. */
export type CompletionSite = { start: number; end: number; prefix: string };

/** Finds the variable being typed at `cursor`, or null when the cursor is not inside a Liquid tag. */
export function completionSite(text: string, cursor: number): CompletionSite | null {
  const before = text.slice(0, cursor);
  const open = Math.max(before.lastIndexOf("{{"), before.lastIndexOf("{%"));
  if (open < 0) return null;
  const close = Math.max(before.lastIndexOf("}}"), before.lastIndexOf("%}"));
  if (close > open) return null;
  const match = /[A-Za-z0-9_.]*$/.exec(before);
  const prefix = match ? match[0] : "";
  // After a filter pipe the word is a filter name, not a variable.
  const inside = before.slice(open + 2, cursor - prefix.length);
  if (/\|\s*$/.test(inside)) return null;
  let end = cursor;
  while (end < text.length && /[A-Za-z0-9_.]/.test(text[end] ?? "")) end++;
  return { start: cursor - prefix.length, end, prefix };
}

/** Suggestions for a prefix: those that start with it first, then those that contain it. */
export function filterSuggestions(all: string[], prefix: string, limit = 8): string[] {
  const p = prefix.toLowerCase();
  const starts = all.filter((s) => s.toLowerCase().startsWith(p));
  const contains = p
    ? all.filter((s) => !s.toLowerCase().startsWith(p) && s.toLowerCase().includes(p))
    : [];
  return [...starts, ...contains].slice(0, limit);
}

/** Replaces the typed word with a suggestion, closing the tag when it is still open. */
export function applyCompletion(
  text: string,
  site: CompletionSite,
  suggestion: string,
): { text: string; cursor: number } {
  const after = text.slice(site.end);
  const closed = /^\s*(\||}}|%})/.test(after) || /^[^{]*}}/.test(after);
  const insert = closed ? suggestion : `${suggestion} }}`;
  const next = text.slice(0, site.start) + insert + after;
  return { text: next, cursor: site.start + insert.length };
}

/** The variables templates can use: profile attributes and the enrolling event's properties. */
export function templateVariables(
  attributes: Iterable<string>,
  eventProperties: Iterable<string>,
): string[] {
  const out = new Set<string>();
  for (const a of attributes) out.add(`profile.${a}`);
  for (const p of eventProperties) out.add(`event.properties.${p}`);
  out.add("event.name");
  return [...out].sort();
}
