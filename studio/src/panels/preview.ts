import { Liquid } from "liquidjs";
import { createContext, useContext } from "react";
import type { Profile } from "../api/profiles.js";

/** Everything template fields need for completion and live previews, loaded once per editor. */
export type PreviewContextValue = {
  profiles: Profile[];
  profile: Profile | null;
  selectProfile(id: string): void;
  suggestions: string[];
  segments: { id: string; name: string }[];
  /** Event names to suggest: the workspace's tracked ones, the journey's own and message events. */
  events: string[];
  /** Names the workspace has tracked (null until known), to warn about a name never seen. */
  trackedEvents: ReadonlySet<string> | null;
  render(template: string): Promise<string>;
};

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

export const PreviewContext = createContext<PreviewContextValue | null>(null);

export function usePreview(): PreviewContextValue | null {
  return useContext(PreviewContext);
}
