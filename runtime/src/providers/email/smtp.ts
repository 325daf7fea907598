import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import nodemailer from "nodemailer";
import type { ChannelProvider, OutgoingMessage, ProviderResult } from "../types.js";

export type SmtpSettings = {
  /** smtp://user:pass@host:port or smtps://...; query options (e.g. ?pool=true) pass through to nodemailer. */
  url: string;
  /** Default sender, `"Name <address>"`; a message's `from` field overrides it. */
  from: string;
  /** Keep a pool of connections open (default true): a journey sends many mails to one relay. */
  pool?: boolean;
  /** Connect, greeting and socket timeouts (ms). */
  timeoutMs?: number;
};

/** The domain part of the sender, for Message-IDs. */
function domainOf(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? "omnijourney.local";
}

/**
 * A Message-ID derived from the idempotency key: a retried send produces the same id, so receiving
 * systems (and our bounce handling) see one message, and replies reference it.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  return `<${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}@${domainOf(from)}>`;
}

function transportUrl(settings: SmtpSettings): string {
  const url = new URL(settings.url);
  const set = (key: string, value: string) => {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  };
  if (settings.pool ?? true) set("pool", "true");
  const timeout = String(settings.timeoutMs ?? 30_000);
  set("connectionTimeout", timeout);
  set("greetingTimeout", timeout);
  set("socketTimeout", timeout);
  return url.toString();
}

type SmtpFailure = { code?: unknown; responseCode?: unknown; message?: unknown };

function isSmtpFailure(error: unknown): error is SmtpFailure {
  return typeof error === "object" && error !== null;
}

/** 5xx replies reject the message or address for good; connection problems and 4xx are worth retrying. */
function failureOf(error: unknown): ProviderResult {
  const message = error instanceof Error ? error.message : String(error);
  const responseCode =
    isSmtpFailure(error) && typeof error.responseCode === "number" ? error.responseCode : undefined;
  const permanent = responseCode !== undefined && responseCode >= 500 && responseCode < 600;
  return { status: "failed", permanent, error: message };
}

/**
 * The last stage of the message stream handed to the SMTP connection. It holds back each chunk until
 * the connection reads it (no readable buffer) and, once all of it has been read, calls
 * `beforeHandOver` before ending the stream. nodemailer starts reading only after the server's 354
 * to DATA, and writes the terminating "." when the stream ends: an SMTP server keeps a message only
 * once that "." arrives. So the hook runs at the point of no return, with no I/O between a
 * synchronous hook and the "." (with DKIM signing, which buffers the whole message, it runs earlier).
 */
class HandOverGate extends Transform {
  constructor(private readonly beforeHandOver: () => void | Promise<void>) {
    super({ readableHighWaterMark: 0 });
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    const fail = (error: unknown) =>
      done(error instanceof Error ? error : new Error(String(error)));
    try {
      const pending = this.beforeHandOver();
      // A synchronous hook ends the stream in the same tick: nothing to wait for before the ".".
      if (pending) pending.then(() => done(), fail);
      else done();
    } catch (error) {
      fail(error);
    }
  }
}

export function createSmtpEmailProvider(settings: SmtpSettings): ChannelProvider<"email"> {
  const transporter = nodemailer.createTransport(transportUrl(settings));
  /** Hand-over hooks of the messages being sent, by Message-ID (the stream plugin has only the mail). */
  const handOverHooks = new Map<string, () => void | Promise<void>>();
  transporter.use("stream", (mail, done) => {
    const hook = handOverHooks.get(String(mail.data.messageId));
    if (hook)
      mail.message.processFunc((input) => {
        const gate = new HandOverGate(hook);
        input.once("error", (error) => gate.destroy(error));
        return input.pipe(gate);
      });
    done();
  });
  return {
    channel: "email",
    name: "smtp",
    async send(message: OutgoingMessage<"email">): Promise<ProviderResult> {
      const { subject, html, text, from, replyTo } = message.content;
      if (!subject || (!html && !text))
        return {
          status: "failed",
          permanent: true,
          error: "email content needs a subject and an html or text body",
        };
      const sender = from ?? settings.from;
      const headers: Record<string, string> = { "X-Omnijourney-Category": message.category };
      const { unsubscribeUrl, messageId, journeyId, nodeId } = message.metadata;
      if (messageId) headers["X-Omnijourney-Message-Id"] = messageId;
      if (journeyId) headers["X-Omnijourney-Journey-Id"] = journeyId;
      if (nodeId) headers["X-Omnijourney-Node-Id"] = nodeId;
      if (message.category === "marketing" && unsubscribeUrl) {
        // RFC 2369 + RFC 8058: mailbox providers show an unsubscribe button and POST to the URL.
        headers["List-Unsubscribe"] = `<${unsubscribeUrl}>`;
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
      }
      const messageIdHeader = messageIdFor(message.idempotencyKey, sender);
      if (message.beforeHandOver) handOverHooks.set(messageIdHeader, message.beforeHandOver);
      try {
        const info = await transporter.sendMail({
          from: sender,
          to: message.to,
          subject,
          ...(html ? { html } : {}),
          ...(text ? { text } : {}),
          ...(replyTo ? { replyTo } : {}),
          messageId: messageIdHeader,
          headers,
        });
        if (info.rejected.length > 0 && info.accepted.length === 0) {
          return {
            status: "failed",
            permanent: true,
            error: `recipient rejected: ${info.response}`,
          };
        }
        return { status: "sent", providerMessageId: info.messageId };
      } catch (error) {
        return failureOf(error);
      } finally {
        handOverHooks.delete(messageIdHeader);
      }
    },
    async close(): Promise<void> {
      transporter.close();
    },
  };
}
