import { createContext, useContext } from "react";
import type { Profile } from "../api/profiles.js";
import type { SampleEvent } from "./preview.js";

// Kept apart from the renderer (preview.ts): screens outside the editor read this context
// (an event field's warning on the segment page), and must not pull editor code into the first bundle.
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
  /** The event previews render with: the marketer's own, or the profile's latest trigger event. */
  sampleEvent: SampleEvent;
  /** Sets the sample event; null goes back to the profile's latest trigger event. */
  setSampleEvent(event: SampleEvent | null): void;
};

export const PreviewContext = createContext<PreviewContextValue | null>(null);

export function usePreview(): PreviewContextValue | null {
  return useContext(PreviewContext);
}
