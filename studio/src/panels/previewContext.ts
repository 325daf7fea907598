import { createContext, useContext } from "react";
import type { Profile } from "../api/profiles.js";

// Kept apart from the Liquid renderer (preview.ts): screens outside the editor read this context
// (an event field's warning on the segment page), and must not pull Liquid into the first bundle.
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

export const PreviewContext = createContext<PreviewContextValue | null>(null);

export function usePreview(): PreviewContextValue | null {
  return useContext(PreviewContext);
}
