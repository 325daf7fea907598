import type { Profile } from "../api/profiles.js";
import { messagesApi } from "../api/messages.js";

/** The event a preview renders with: the one that enrols the profile (`event` in templates). */
export type SampleEvent = { name: string; properties: Record<string, unknown> };

/**
 * Renders one template through the API (the runtime's own Liquid engine and context), so a preview shows
 * exactly what a send would; the studio has no Liquid of its own.
 */
export async function renderTemplate(
  template: string,
  profile: Profile | null,
  event: SampleEvent,
  journeyId?: string,
): Promise<string> {
  const result = await messagesApi.preview({
    content: { value: template },
    event,
    ...(profile ? { profileId: profile.id } : {}),
    ...(journeyId ? { journeyId } : {}),
  });
  const error = result.errors.value;
  if (error !== undefined) throw new Error(error);
  return result.rendered.value ?? "";
}
