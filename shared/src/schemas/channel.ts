import { z } from "zod";

/** Every channel a message can go out on. */
export const Channel = z.enum(["email", "sms", "push", "telegram", "whatsapp", "webhook", "inapp"]);
/** A message channel. */
export type Channel = z.infer<typeof Channel>;

/** Message category: transactional messages skip marketing consent, quiet hours and frequency caps. */
export const MessageCategory = z.enum(["marketing", "transactional"]);
/** A message category. */
export type MessageCategory = z.infer<typeof MessageCategory>;

/** Consent status for one channel and category. */
export const ConsentStatus = z.enum(["subscribed", "unsubscribed", "unknown"]);
/** A consent status. */
export type ConsentStatus = z.infer<typeof ConsentStatus>;
