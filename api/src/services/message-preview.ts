import {
  smsSegments,
  type JourneyEvent,
  type MessagePreview,
  type MessagePreviewInput,
  type ProfileSnapshot,
} from "@omnijourney/shared";
import { renderFields, templateContext } from "@omnijourney/runtime";
import { profileById } from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import { notFound } from "../errors.js";

const snapshot = (fields: Pick<ProfileSnapshot, "profileId" | "userId" | "attributes">) => ({
  anonymousIds: [],
  consent: {},
  counters: {},
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...fields,
});

// Templates read only the id and the attributes; the rest of the snapshot is filled in empty.
const profileFor = async (ctx: ApiContext, profileId: string | undefined) => {
  if (!profileId) return snapshot({ profileId: "preview", attributes: {} });
  const stored = await profileById(ctx.db, profileId);
  if (!stored) throw notFound("Profile", profileId);
  return snapshot({
    profileId: stored.profileId,
    ...(stored.userId ? { userId: stored.userId } : {}),
    attributes: stored.attributes,
  });
};

/**
 * Renders a message's fields with the runtime's own Liquid engine and template context (the same one a send
 * uses), one field at a time so a broken field names itself and the others still render.
 */
export const previewMessage = async (
  ctx: ApiContext,
  input: MessagePreviewInput,
): Promise<MessagePreview> => {
  const profile = await profileFor(ctx, input.profileId);
  const event: JourneyEvent | null = input.event
    ? {
        event: input.event.name,
        properties: input.event.properties,
        timestamp: new Date().toISOString(),
      }
    : null;
  const context = templateContext({
    profile,
    event,
    journeyId: input.journeyId ?? "preview",
    version: 0,
  });
  const rendered: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [field, source] of Object.entries(input.content)) {
    try {
      Object.assign(rendered, await renderFields({ [field]: source }, context));
    } catch (error) {
      errors[field] = error instanceof Error ? error.message : String(error);
    }
  }
  const text = rendered.text;
  return {
    rendered,
    errors,
    sms: input.channel === "sms" && text !== undefined ? smsSegments(text) : null,
  };
};
