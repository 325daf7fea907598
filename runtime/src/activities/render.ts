import {
  addUtmToLinks,
  unescapeKey,
  type JourneyEvent,
  type ProfileSnapshot,
  type UtmParams,
} from "@omnijourney/shared";
import { Liquid } from "liquidjs";

/** One Liquid engine for the process: parsed templates are cached by source. */
const engine = new Liquid({
  cache: 1_000,
  strictFilters: false,
  strictVariables: false,
  ownPropertyOnly: true,
});

function unescapeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unescapeKeys);
  if (value instanceof Date || typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [unescapeKey(k), unescapeKeys(v)]),
  );
}

/** What templates see: `profile.<trait>`, `profile.id`, `event.name`, `event.properties.<x>`, `journey.id`. */
export function templateContext(input: {
  profile: ProfileSnapshot;
  event: JourneyEvent | null;
  journeyId: string;
  version: number;
}): Record<string, unknown> {
  const attributes = unescapeKeys(input.profile.attributes);
  return {
    profile: {
      ...(typeof attributes === "object" && attributes !== null ? attributes : {}),
      id: input.profile.profileId,
      profileId: input.profile.profileId,
      userId: input.profile.userId,
    },
    event: input.event
      ? {
          name: input.event.event,
          event: input.event.event,
          properties: input.event.properties,
          timestamp: input.event.timestamp,
        }
      : {},
    journey: { id: input.journeyId, version: input.version },
  };
}

/** What a render may add to the fields' own templates. */
export type RenderExtras = {
  /** The workspace's snippets by name (`{{ snippets.<name> }}`), Liquid rendered with the same context. */
  snippets?: Record<string, string>;
  /** UTM parameters for every http(s) link of the rendered fields; none when absent or null. */
  utm?: UtmParams | null;
};

// `snippets.footer` or `snippets["footer"]` / `snippets['footer']` in a template.
const SNIPPET_REFERENCE =
  /\bsnippets(?:\.([A-Za-z][A-Za-z0-9_]*)|\[\s*["']([A-Za-z][A-Za-z0-9_]*)["']\s*\])/g;

/** The snippets the fields refer to, rendered with the context (a snippet does not see other snippets). */
async function renderedSnippets(
  fields: Record<string, string>,
  context: Record<string, unknown>,
  snippets: Record<string, string>,
): Promise<Record<string, string>> {
  const used = new Set<string>();
  for (const source of Object.values(fields))
    for (const match of source.matchAll(SNIPPET_REFERENCE)) used.add(match[1] ?? match[2] ?? "");
  const out: Record<string, string> = {};
  for (const name of used) {
    const body = Object.hasOwn(snippets, name) ? snippets[name] : undefined;
    if (body !== undefined) out[name] = await engine.parseAndRender(body, context);
  }
  return out;
}

/**
 * Renders every field of a message's content with LiquidJS: the one render of live sends, test sends (through
 * the simulation) and the studio's preview. Snippets are rendered first and read as `snippets.<name>`; UTM
 * parameters go on the links of the result.
 */
export async function renderFields(
  fields: Record<string, string>,
  context: Record<string, unknown>,
  extras: RenderExtras = {},
): Promise<Record<string, string>> {
  const snippets = extras.snippets ? await renderedSnippets(fields, context, extras.snippets) : {};
  const scope = Object.keys(snippets).length > 0 ? { ...context, snippets } : context;
  const out: Record<string, string> = {};
  for (const [key, source] of Object.entries(fields)) {
    if (key === "method") {
      out[key] = source;
      continue;
    }
    const rendered = await engine.parseAndRender(source, scope);
    out[key] = extras.utm ? addUtmToLinks(rendered, extras.utm) : rendered;
  }
  return out;
}
