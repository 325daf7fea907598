import {
  MASK,
  maskUrlForLog,
  resolveUtm,
  smsSegments,
  type JourneyEvent,
  type MessagePreview,
  type MessagePreviewInput,
  type ProfileSnapshot,
} from "@omnijourney/shared";
import { renderFields, templateContext, WEBHOOK_SIGNATURE_HEADER } from "@omnijourney/runtime";
import { findJourneyById, profileById, snippetBodies } from "@omnijourney/store";
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
 * The request a webhook step makes, as its provider builds it (runtime/src/providers/webhook), with what is
 * secret masked: the URL's userinfo and secret query values, the HMAC signature (a new one per send).
 */
const webhookRequest = (rendered: Record<string, string>) => ({
  method: (rendered.method ?? "POST").toUpperCase(),
  url: maskUrlForLog(rendered.url ?? ""),
  headers: {
    "content-type": "application/json",
    "idempotency-key": "one per send",
    [WEBHOOK_SIGNATURE_HEADER]: MASK,
  },
});

/** The UTM parameters a send of this step would add (the campaign from the journey's name, as the runtime's). */
const previewUtm = async (ctx: ApiContext, input: MessagePreviewInput) => {
  if (!input.channel || !input.utm?.enabled) return null;
  const journey = input.journeyId ? await findJourneyById(ctx.db, input.journeyId) : null;
  return resolveUtm(input.utm, input.channel, {
    id: input.journeyId ?? "preview",
    name: journey?.name ?? null,
  });
};

/**
 * Renders a message's fields with the runtime's own Liquid engine and template context (the same one a send
 * uses, with the workspace's snippets and the step's UTM parameters), one field at a time so a broken field
 * names itself and the others still render.
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
  const extras = { snippets: await snippetBodies(ctx.db), utm: await previewUtm(ctx, input) };
  const rendered: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [field, source] of Object.entries(input.content)) {
    try {
      Object.assign(rendered, await renderFields({ [field]: source }, context, extras));
    } catch (error) {
      errors[field] = error instanceof Error ? error.message : String(error);
    }
  }
  const text = rendered.text;
  const webhook = input.channel === "webhook" ? webhookRequest(rendered) : null;
  return {
    rendered: webhook ? { ...rendered, url: webhook.url } : rendered,
    errors,
    sms: input.channel === "sms" && text !== undefined ? smsSegments(text) : null,
    webhook,
  };
};
