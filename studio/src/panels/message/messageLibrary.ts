import { CONTENT_FIELDS, type Channel } from "@omnijourney/shared";
import { snippetTag } from "../../api/templates.js";

/** The field a snippet goes into: the message's main text (an email's body, an SMS's text…). */
export const snippetTarget = (channel: Channel): string =>
  channel === "sms" || channel === "telegram" || channel === "whatsapp" ? "text" : "body";

/** The config with the snippet's tag appended to the main field (as a paragraph in an HTML email body). */
export function withSnippet(
  channel: Channel,
  config: Record<string, unknown>,
  name: string,
): Record<string, unknown> {
  const field = snippetTarget(channel);
  const current = typeof config[field] === "string" ? String(config[field]) : "";
  const tag = channel === "email" ? `<p>${snippetTag(name)}</p>` : snippetTag(name);
  const joined = current === "" ? tag : `${current}${channel === "email" ? "" : "\n"}${tag}`;
  return { ...config, [field]: joined };
}

/** The config with a template's fields in place of the step's own (the step's other settings kept). */
export function withTemplate(
  channel: Channel,
  config: Record<string, unknown>,
  content: Record<string, string>,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...config };
  for (const field of CONTENT_FIELDS[channel]) {
    if (field in content) next[field] = content[field];
    else delete next[field];
  }
  return next;
}

/** The step's template fields, as a template keeps them. */
export function contentOf(
  channel: Channel,
  config: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of CONTENT_FIELDS[channel]) {
    const value = config[field];
    if (typeof value === "string" && value !== "") out[field] = value;
  }
  return out;
}
