import type { MessageCategory } from "@omnijourney/shared";
import type {
  ChannelProvider,
  MessageMetadata,
  OutgoingMessage,
  ProviderResult,
} from "../types.js";

/** What the in-app inbox stores; the API lists these for the profile and marks them read. */
export type InAppRecord = {
  profileId: string;
  title: string;
  body: string;
  url?: string;
  category: MessageCategory;
  idempotencyKey: string;
  metadata: MessageMetadata;
  createdAt: Date;
};

/**
 * Saves the record and returns its id. The runtime passes a function backed by its models, so this
 * provider stays free of the storage package; the save must be idempotent on `idempotencyKey` (an upsert), so a
 * retried activity leaves one inbox entry.
 */
export type SaveInAppMessage = (record: InAppRecord) => Promise<{ id: string }>;

export function createInAppStoreProvider(save: SaveInAppMessage): ChannelProvider<"inapp"> {
  return {
    channel: "inapp",
    name: "store",
    async send(message: OutgoingMessage<"inapp">): Promise<ProviderResult> {
      const { title, body, url } = message.content;
      if (!title && !body)
        return {
          status: "failed",
          permanent: true,
          error: "in-app content has neither title nor body",
        };
      try {
        const { id } = await save({
          profileId: message.to,
          title: title ?? "",
          body: body ?? "",
          ...(url ? { url } : {}),
          category: message.category,
          idempotencyKey: message.idempotencyKey,
          metadata: message.metadata,
          createdAt: new Date(),
        });
        return { status: "sent", providerMessageId: id, cost: 0 };
      } catch (error) {
        // A storage error is the database being unavailable, not the message being wrong.
        return {
          status: "failed",
          permanent: false,
          error: error instanceof Error ? error.message : String(error),
        };
      }
    },
  };
}
