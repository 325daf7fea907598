import { z } from "zod";
import type { Channel } from "../schemas/channel.js";

/**
 * A message step's link tracking: when on, every http(s) link the message renders carries `utm_source`,
 * `utm_medium` and `utm_campaign`. Empty values fall back to `omnijourney`, the channel and the journey.
 * Absent, tracking is off; present, it is on unless `enabled` is false.
 */
export const LinkTracking = z
  .object({
    // Adding link tracking to a step switches it on; the box turns it off without losing the values.
    enabled: z.boolean().default(true).meta({ title: "Add UTM parameters to links" }),
    source: z
      .string()
      .max(200)
      .optional()
      .meta({ title: "utm_source", description: "Left empty: omnijourney" }),
    medium: z
      .string()
      .max(200)
      .optional()
      .meta({ title: "utm_medium", description: "Left empty: the channel (email, sms…)" }),
    campaign: z
      .string()
      .max(200)
      .optional()
      .meta({ title: "utm_campaign", description: "Left empty: the journey's name" }),
  })
  .meta({ description: "Link tracking: UTM parameters on every link" });
/** A message step's link tracking settings. */
export type LinkTracking = z.infer<typeof LinkTracking>;

/** The UTM parameters a message's links get, resolved. */
export type UtmParams = { source: string; medium: string; campaign: string };

/** The default campaign name for a journey: its name in lower case, words joined by hyphens ("Abandoned cart" → "abandoned-cart"). */
export const utmCampaignName = (journeyName: string): string =>
  journeyName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/**
 * The parameters to add, or null when tracking is off (or the channel's links are not the marketer's: webhooks).
 * The campaign defaults to the journey's name as {@link utmCampaignName} writes it, its id when it has none.
 */
export const resolveUtm = (
  tracking: LinkTracking | undefined,
  channel: Channel,
  journey: { id: string; name: string | null },
): UtmParams | null => {
  if (!tracking?.enabled || channel === "webhook") return null;
  const pick = (value: string | undefined, fallback: string) => value?.trim() || fallback;
  return {
    source: pick(tracking.source, "omnijourney"),
    medium: pick(tracking.medium, channel),
    campaign: pick(
      tracking.campaign,
      (journey.name ? utmCampaignName(journey.name) : "") || journey.id,
    ),
  };
};

const UTM_KEYS = ["source", "medium", "campaign"] as const;

/**
 * One link with the UTM parameters appended. The link is kept exactly as written (its query string is not
 * re-encoded, its fragment stays last); a parameter the link already sets is left as it is. `separator` is
 * what joins parameters: `&amp;` inside an HTML attribute, `&` elsewhere.
 */
export const withUtm = (link: string, utm: UtmParams, separator = "&"): string => {
  if (!/^https?:\/\//i.test(link)) return link;
  const hash = link.indexOf("#");
  const base = hash === -1 ? link : link.slice(0, hash);
  const fragment = hash === -1 ? "" : link.slice(hash);
  const query = base.includes("?") ? base.slice(base.indexOf("?") + 1) : "";
  const present = new Set(
    query
      .replace(/&amp;/g, "&")
      .split("&")
      .map((pair) => pair.split("=")[0]?.toLowerCase()),
  );
  const added = UTM_KEYS.filter((key) => !present.has(`utm_${key}`)).map(
    (key) => `utm_${key}=${encodeURIComponent(utm[key])}`,
  );
  if (added.length === 0) return link;
  const joiner = !base.includes("?") ? "?" : /[?&]$/.test(base) ? "" : separator;
  return `${base}${joiner}${added.join(separator)}${fragment}`;
};

const ATTRIBUTE_URL = /(\b(?:href)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;
const BARE_URL = /https?:\/\/[^\s"'<>]+/gi;
// A sentence's punctuation after a bare URL is not part of it ("see https://example.com/ok.").
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

const bareLinks = (text: string, utm: UtmParams): string =>
  text.replace(BARE_URL, (found) => {
    const tail = TRAILING_PUNCTUATION.exec(found)?.[0] ?? "";
    const link = tail ? found.slice(0, -tail.length) : found;
    return `${withUtm(link, utm)}${tail}`;
  });

/**
 * A rendered field with UTM parameters on every http(s) link: `href` attribute values (HTML) and bare URLs in
 * text. Image sources and the text between tags that is not a URL are left alone.
 */
export const addUtmToLinks = (field: string, utm: UtmParams): string => {
  if (!/<[a-z][^>]*>/i.test(field)) return bareLinks(field, utm);
  // HTML: attribute values get `&amp;`; text outside tags is not rewritten (a link's visible text stays as written).
  return field.replace(ATTRIBUTE_URL, (_all, prefix: string, double?: string, single?: string) => {
    const quote = double !== undefined ? '"' : "'";
    const value = (double ?? single ?? "").trim();
    return `${prefix}${quote}${withUtm(value, utm, "&amp;")}${quote}`;
  });
};
