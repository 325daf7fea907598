import { z } from "zod";
import { Channel } from "../channel.js";

/** Per channel: how many messages, what they cost (in the workspace currency), how many in each status. */
export const ChannelTotals = z.object({
  total: z.number(),
  cost: z.number(),
  byStatus: z.record(z.string(), z.number()),
});
/** A channel's totals. */
export type ChannelTotals = z.infer<typeof ChannelTotals>;

/** `GET /api/analytics/overview`: workspace (or one journey's) totals. */
export const AnalyticsOverview = z
  .object({
    profiles: z.number(),
    events: z.number(),
    /** Journeys per status. */
    journeys: z.record(z.string(), z.number()),
    enrolments: z.object({ total: z.number(), byStatus: z.record(z.string(), z.number()) }),
    conversions: z.number(),
    /** Conversions over enrolments, 0..1. */
    conversionRate: z.number(),
    revenue: z.number(),
    /** By channel. */
    messages: z.record(z.string(), ChannelTotals),
    cost: z.number(),
    costPerConversion: z.number().nullable(),
  })
  .meta({ id: "AnalyticsOverview" });
/** The analytics overview. */
export type AnalyticsOverview = z.infer<typeof AnalyticsOverview>;

/** `GET /api/settings` and `PUT /api/settings`: the send policy and providers, credentials masked. */
export const SettingsView = z
  .object({
    quietHours: z.object({
      enabled: z.boolean(),
      /** "HH:MM" local wall-clock time. */
      start: z.string(),
      end: z.string(),
      defaultTimezone: z.string(),
    }),
    frequencyCap: z.object({
      enabled: z.boolean(),
      limit: z.number(),
      window: z.object({
        amount: z.number(),
        unit: z.enum(["second", "minute", "hour", "day", "week"]),
      }),
      action: z.enum(["skip", "defer"]),
    }),
    /** Cost of one message per channel, in `currency`. */
    channelCosts: z.record(z.string(), z.number()),
    currency: z.string(),
    /** Provider settings per channel; secrets are masked. */
    providers: z.record(z.string(), z.record(z.string(), z.unknown())),
    /** Plugin secrets by name (`services.secrets.get`), each shown masked. */
    secrets: z.record(z.string(), z.string()),
    /** The last four characters of each key, masked. */
    apiKeys: z.object({ writeKey: z.string(), adminToken: z.string() }),
    publicUrl: z.string(),
  })
  .meta({ id: "Settings" });
/** The workspace settings as shown. */
export type SettingsView = z.infer<typeof SettingsView>;

/** One test message's fate. */
export const TestSendResult = z
  .object({
    channel: Channel,
    status: z.enum(["sent", "skipped", "failed"]),
    provider: z.string().optional(),
    to: z.string().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: "TestSendResult" });
/** A test send result. */
export type TestSendResult = z.infer<typeof TestSendResult>;

/** `POST /api/journeys/:id/test-messages`. */
export const TestSendResults = z.object({ results: z.array(TestSendResult) });
/** The test sends' results. */
export type TestSendResults = z.infer<typeof TestSendResults>;

/** `GET /api/events/names`: the event names the workspace tracks, most frequent first (for suggestions). */
export const EventNames = z
  .object({
    items: z.array(
      z.object({
        name: z.string(),
        /** How many of the sampled events had this name. */
        count: z.number(),
      }),
    ),
  })
  .meta({ id: "EventNames" });
/** The workspace's tracked event names. */
export type EventNames = z.infer<typeof EventNames>;

/** Where the marketer receives test messages: at least one of an email address, a phone number, a Telegram chat. */
export const TestRecipients = z
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
/** The test recipients. */
export type TestRecipients = z.infer<typeof TestRecipients>;

/** One rendered message to send as a test: its channel and fields, as `POST /journeys/:id/simulate` returns them. */
export const TestMessage = z.object({
  channel: Channel,
  content: z.record(z.string(), z.string().max(200_000)),
});
/** A test message. */
export type TestMessage = z.infer<typeof TestMessage>;
