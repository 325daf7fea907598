import { Liquid } from "liquidjs";
import type { Profile } from "../api/profiles.js";

const liquid = new Liquid({ strictFilters: false, strictVariables: false, cache: 64 });

/** Renders a template the way the runtime does: `profile` is the attributes, `event` the enrolling event. */
export function renderTemplate(
  template: string,
  profile: Profile | null,
  event: { name: string; properties: Record<string, unknown> },
): Promise<string> {
  const scope = {
    profile: profile ? { ...profile.attributes, id: profile.id, userId: profile.userId } : {},
    event: { ...event, event: event.name },
  };
  return liquid.parseAndRender(template, scope);
}
