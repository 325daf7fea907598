import { unescapeKey, type JourneyEvent, type ProfileSnapshot } from "@omnijourney/shared";
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

/** Renders every field of a message's content with LiquidJS. */
export async function renderFields(
  fields: Record<string, string>,
  context: Record<string, unknown>,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, source] of Object.entries(fields)) {
    out[key] = key === "method" ? source : await engine.parseAndRender(source, context);
  }
  return out;
}
