import { createHash } from "node:crypto";
import type { Channel } from "@omnijourney/shared";
import type { ChannelProvider, OutgoingMessage, ProviderResult } from "../types.js";

export type SandboxRecord = { message: OutgoingMessage; providerMessageId: string; at: Date };

/** Where sandboxed messages go; the default keeps the newest ones in memory for inspection. */
export type SandboxRecorder = (record: SandboxRecord) => void | Promise<void>;

export type SandboxProvider<C extends Channel> = ChannelProvider<C> & {
  /** The newest recorded messages, oldest first (bounded by `keep`). */
  readonly messages: readonly SandboxRecord[];
};

/**
 * Delivers nothing: records the rendered message and reports it sent at no cost. The default for
 * every channel without a configured provider, so journeys run end to end on a laptop.
 */
export function createSandboxProvider<C extends Channel>(
  channel: C,
  options: { record?: SandboxRecorder; keep?: number } = {},
): SandboxProvider<C> {
  const keep = options.keep ?? 1_000;
  const messages: SandboxRecord[] = [];
  return {
    channel,
    name: "sandbox",
    messages,
    async send(message: OutgoingMessage<C>): Promise<ProviderResult> {
      // Derived from the idempotency key, so a retried send reports the same id.
      const providerMessageId = `sandbox-${createHash("sha256").update(message.idempotencyKey).digest("hex").slice(0, 24)}`;
      const record: SandboxRecord = { message, providerMessageId, at: new Date() };
      messages.push(record);
      if (messages.length > keep) messages.splice(0, messages.length - keep);
      await options.record?.(record);
      return { status: "sent", providerMessageId, cost: 0 };
    },
  };
}
