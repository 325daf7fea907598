import { z } from "zod";
import { Channel } from "../channel.js";
import { LinkTracking } from "../../messages/utm.js";

/** `POST /api/messages/preview`: a message's template fields rendered for a profile and a sample event. */
export const MessagePreviewInput = z
  .object({
    /** The message's channel (an SMS also gets its parts counted); absent for a lone template. */
    channel: Channel.optional(),
    /** Template fields by name (subject, preheader, body, text, title, url...), Liquid. */
    content: z.record(z.string().max(100), z.string().max(200_000)),
    /** The profile the templates see as `profile`; an empty profile when absent. */
    profileId: z.string().min(1).max(200).optional(),
    /** The event the templates see as `event` (the one that enrolled the profile). */
    event: z
      .object({
        name: z.string().max(200),
        properties: z.record(z.string(), z.unknown()).default({}),
      })
      .optional(),
    journeyId: z.string().min(1).max(200).optional(),
    /** The step's link tracking: when on, the preview's links carry the UTM parameters a send adds. */
    utm: LinkTracking.optional(),
  })
  .meta({ id: "MessagePreviewInput" });
/** What to preview. */
export type MessagePreviewInput = z.infer<typeof MessagePreviewInput>;

/** The rendered fields, a sentence for each field whose template failed, and an SMS's parts. */
export const MessagePreview = z
  .object({
    rendered: z.record(z.string(), z.string()),
    errors: z.record(z.string(), z.string()),
    sms: z
      .object({
        encoding: z.enum(["GSM-7", "UCS-2"]),
        units: z.number().int(),
        segments: z.number().int(),
        perSegment: z.number().int(),
      })
      .nullable(),
    /** A webhook step's request as the provider sends it, credentials masked (URL userinfo, secret query values, the signature). */
    webhook: z
      .object({
        method: z.string(),
        url: z.string(),
        headers: z.record(z.string(), z.string()),
      })
      .nullable()
      .optional(),
  })
  .meta({ id: "MessagePreview" });
/** A rendered message preview. */
export type MessagePreview = z.infer<typeof MessagePreview>;
