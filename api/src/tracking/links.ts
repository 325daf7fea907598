/**
 * The links a rendered message contains, exactly: `href`/`src` attribute values (HTML-unescaped) and bare http(s)
 * URLs in text. The click redirect goes only to one of these (an open redirect otherwise), compared whole: a
 * prefix or any other part of a link is not a link of the message.
 */
const ATTRIBUTE_URL = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const BARE_URL = /https?:\/\/[^\s"'<>]+/gi;
// A sentence's punctuation after a bare URL is not part of it ("see https://example.com/ok.").
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

const unescapeHtml = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Every link in a message's rendered fields (subject, body, text, …). */
export const linksIn = (content: Record<string, unknown>): Set<string> => {
  const links = new Set<string>();
  for (const field of Object.values(content)) {
    if (typeof field !== "string") continue;
    for (const match of field.matchAll(ATTRIBUTE_URL))
      links.add(unescapeHtml(match[1] ?? match[2] ?? "").trim());
    for (const [bare] of field.matchAll(BARE_URL)) {
      const url = unescapeHtml(bare);
      links.add(url);
      links.add(url.replace(TRAILING_PUNCTUATION, ""));
    }
  }
  return links;
};

/** Whether the message's rendered content linked exactly this URL. */
export const messageLinks = (content: Record<string, unknown>, url: string): boolean =>
  linksIn(content).has(url);
