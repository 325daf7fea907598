import { Channel, CONTENT_FIELDS, LinkTracking } from "@omnijourney/shared";
import type { NodeTypeInfo } from "../../catalog/types.js";
import { channelLabel } from "../../components/format.js";
import { humanise } from "../form/jsonSchema.js";

/** One message the preview dialog renders: a step's, or one step of a cascade. */
export type PreviewedMessage = {
  channel: Channel;
  content: Record<string, string>;
  labels: Record<string, string>;
  /** Shown above it when the dialog shows several (a cascade's steps). */
  title?: string;
  linkTracking?: LinkTracking;
};

/** The channel a message step sends on (`message.<channel>`), or null for any other step. */
export function messageChannel(type: string): Channel | null {
  const parsed = Channel.safeParse(type.startsWith("message.") ? type.slice(8) : "");
  return parsed.success ? parsed.data : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A channel's template fields of a content object, with a webhook's method (the request it makes). */
function contentOf(channel: Channel, fields: readonly string[], source: Record<string, unknown>) {
  const content: Record<string, string> = {};
  for (const field of fields) {
    const value = source[field];
    if (typeof value === "string") content[field] = value;
  }
  if (channel === "webhook" && typeof source.method === "string") content.method = source.method;
  return content;
}

/** What a step's preview shows: its own message, each step of a cascade, or nothing for other steps. */
export function previewedMessages(
  info: NodeTypeInfo,
  config: Record<string, unknown>,
): PreviewedMessage[] {
  const channel = messageChannel(info.type);
  if (channel) {
    const fields = info.ui.liquid ?? [];
    const labels = Object.fromEntries(fields.map((f) => [f, info.ui.labels?.[f] ?? humanise(f)]));
    const tracking = LinkTracking.safeParse(config.utm);
    return [
      {
        channel,
        content: contentOf(channel, fields, config),
        labels,
        ...(config.utm !== undefined && tracking.success ? { linkTracking: tracking.data } : {}),
      },
    ];
  }
  if (info.type !== "message.cascade" || !Array.isArray(config.steps)) return [];
  return config.steps.flatMap((step: unknown, index): PreviewedMessage[] => {
    if (!isRecord(step)) return [];
    const parsed = Channel.safeParse(step.channel);
    if (!parsed.success) return [];
    const fields = CONTENT_FIELDS[parsed.data];
    const content = isRecord(step.content) ? step.content : {};
    return [
      {
        channel: parsed.data,
        content: contentOf(parsed.data, fields, content),
        labels: Object.fromEntries(fields.map((f) => [f, humanise(f)])),
        title: `Step ${index + 1}: ${channelLabel(parsed.data)}`,
      },
    ];
  });
}
