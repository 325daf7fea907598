import { randomBytes } from "node:crypto";
import { z } from "zod";
import { LinkToken } from "@omnijourney/shared";
import { issueLinkToken } from "@omnijourney/store";
import { endpoint } from "../http/endpoint.js";
import { IdParams } from "../schemas/common.js";
import { findProfile } from "../services/profiles.js";

/** Issues a Telegram deep-link token for a profile: `https://t.me/<bot>?start=<token>` links the chat on /start. */
export const createLinkToken = endpoint({
  method: "post",
  path: "/profiles/:id/link-tokens",
  summary: "Issue a one-time channel link token (Telegram /start deep link)",
  tags: ["profiles"],
  auth: "bearer",
  role: "editor",
  params: IdParams,
  body: z
    .object({
      channel: z.literal("telegram"),
      botUsername: z
        .string()
        .regex(/^\w{3,64}$/)
        .optional(),
    })
    .strict(),
  response: LinkToken,
  status: 201,
  handler: async ({ params, body }, { app }): Promise<LinkToken> => {
    const profile = await findProfile(app, params.id);
    const token = randomBytes(16).toString("base64url");
    await issueLinkToken(app.db, { token, profileId: profile.profileId, channel: body.channel });
    return {
      token,
      url: body.botUsername ? `https://t.me/${body.botUsername}?start=${token}` : null,
    };
  },
});
