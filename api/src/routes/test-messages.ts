import { z } from "zod";
import { Channel, TestSendResults } from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";
import { IdParams, safe } from "../schemas/common.js";
import { findJourney } from "../services/journeys.js";
import { sendTestMessages } from "../services/test-messages.js";

const TestRecipients = z
  .object({
    email: z.email().max(320).optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, "an E.164 phone number such as +15551234567")
      .optional(),
    telegramChatId: z
      .string()
      .regex(/^-?\d{1,20}$/, "a numeric Telegram chat id")
      .optional(),
  })
  .strict()
  .refine((to) => Boolean(to.email || to.phone || to.telegramChatId), {
    message: "give at least one address: email, phone or telegramChatId",
  });

const TestMessagesBody = safe(
  z.object({
    messages: z
      .array(
        z.object({
          channel: Channel,
          /** The rendered fields, as `POST /journeys/:id/simulate` returns them. */
          content: z.record(z.string(), z.string().max(200_000)),
        }),
      )
      .min(1)
      .max(20),
    to: TestRecipients,
  }),
).meta({ id: "TestMessagesInput" });

export const sendTests = endpoint({
  method: "post",
  path: "/journeys/:id/test-messages",
  summary:
    'Send rendered messages (from a simulation) to your own addresses through the workspace\'s providers, subject marked "[Test] "; not logged as journey messages',
  tags: ["journeys"],
  auth: "bearer",
  params: IdParams,
  body: TestMessagesBody,
  response: TestSendResults,
  handler: async ({ params, body }, { app }): Promise<TestSendResults> => {
    await findJourney(app, params.id);
    return { results: await sendTestMessages(app, body.messages, body.to) };
  },
});
