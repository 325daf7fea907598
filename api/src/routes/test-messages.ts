import { z } from "zod";
import { TestMessage, TestRecipients, TestSendResults } from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";
import { IdParams, safe } from "../schemas/common.js";
import { findJourney } from "../services/journeys.js";
import { sendTestMessages } from "../services/test-messages.js";

const TestMessagesBody = safe(
  z.object({
    messages: z.array(TestMessage).min(1).max(20),
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
  role: "editor",
  params: IdParams,
  body: TestMessagesBody,
  response: TestSendResults,
  handler: async ({ params, body }, { app }): Promise<TestSendResults> => {
    await findJourney(app, params.id);
    return { results: await sendTestMessages(app, body.messages, body.to) };
  },
});
