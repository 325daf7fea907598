import { z } from "zod";
import { MessageCategory, type Channel } from "../../schemas/channel.js";
import { defineNodeType } from "../../registry.js";
import { CONTENT_FIELDS, contentStrings } from "./content.js";
import { LinkTracking } from "../../messages/utm.js";

/** Options of one message node type. */
type MessageSpec<S extends z.ZodObject> = {
  channel: Channel;
  title: string;
  icon: string;
  description: string;
  content: S;
  /** Whether a send can fail for good, adding a `failed` port. */
  canFail: boolean;
  multiline: string[];
  /** Fields that hold HTML (email bodies). */
  html?: string[];
};

/**
 * Builds a `message.<channel>` node type: content fields plus `category`, run as an activity through
 * `services.send` exactly like a custom node type would.
 */
export function defineMessageNode<S extends z.ZodObject>(spec: MessageSpec<S>) {
  const config = spec.content.extend({
    category: MessageCategory.default("marketing"),
    // Webhooks call the marketer's own endpoint: their links are not tracked.
    ...(spec.channel === "webhook" ? {} : { utm: LinkTracking.optional() }),
  });
  const fields = [...CONTENT_FIELDS[spec.channel]];
  return defineNodeType({
    type: `message.${spec.channel}`,
    title: spec.title,
    description: spec.description,
    category: "message",
    icon: spec.icon,
    version: 1,
    config,
    outputs: spec.canFail ? ["next", "failed"] : ["next"],
    execution: "activity",
    ui: {
      order: [...fields, "category", ...(spec.channel === "webhook" ? [] : ["utm"])],
      liquid: fields,
      multiline: spec.multiline,
      ...(spec.html ? { html: spec.html } : {}),
      labels: { category: "Message category", utm: "Link tracking" },
      help: {
        category: "Transactional messages skip marketing consent, quiet hours and frequency caps.",
        utm: "Adds utm_source, utm_medium and utm_campaign to every link, for your web analytics. Empty values use omnijourney, the channel and the journey.",
      },
      ports: { next: "after the message", failed: "when the message cannot be delivered" },
    },
    summary: () => spec.title,
    // The generic content schema hides the extended field type from TypeScript; re-parsing the category is cheap and exact.
    run: async ({ config: parsed, services }) => {
      const tracking = LinkTracking.optional().parse(Reflect.get(parsed, "utm"));
      const outcome = await services.send({
        channel: spec.channel,
        content: contentStrings(spec.channel, parsed),
        category: MessageCategory.parse(parsed.category),
        ...(tracking ? { linkTracking: tracking } : {}),
      });
      if (outcome.status === "deferred" && outcome.deferUntil)
        return { output: "next", deferUntil: outcome.deferUntil };
      if (outcome.status === "failed" && spec.canFail) return { output: "failed" };
      return { output: "next" };
    },
  });
}
