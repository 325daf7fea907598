import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { createSmtpEmailProvider, messageIdFor } from "../../src/providers/email/smtp.js";
import type { OutgoingMessage } from "../../src/providers/types.js";
import { closedPort } from "./fake-server.js";

const engines = inject("engines");
const FROM = "Omni Shop <news@shop.test>";

const MailDevEmails = z.array(
  z.object({
    subject: z.string(),
    headers: z.record(z.string(), z.unknown()),
    to: z.array(z.object({ address: z.string() })),
    html: z.string().optional(),
    text: z.string().optional(),
  }),
);
type MailDevEmail = z.infer<typeof MailDevEmails>[number];

/** The mails MailDev holds for `address`. */
async function mailsTo(address: string): Promise<MailDevEmail[]> {
  const response = await fetch(`${engines.mailApiUrl}/email`);
  const mails = MailDevEmails.parse(await response.json());
  return mails.filter((m) => m.to.some((t) => t.address === address));
}

/** Polls MailDev's REST API until a mail to `address` arrives. */
async function receivedBy(address: string): Promise<MailDevEmail> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const [found] = await mailsTo(address);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no mail for ${address} in MailDev`);
}

const message = (
  to: string,
  category: "marketing" | "transactional",
  key: string = randomUUID(),
): OutgoingMessage<"email"> => ({
  channel: "email",
  to,
  content: {
    subject: "Ada, 20% off ends tonight",
    html: "<p>Hello <b>Ada</b></p>",
    text: "Hello Ada",
  },
  idempotencyKey: key,
  category,
  metadata: {
    journeyId: "j-email",
    nodeId: "mail-1",
    profileId: "p1",
    messageId: "msg-3",
    unsubscribeUrl: "https://api.shop.test/u/tok123",
  },
});

describe("SMTP email provider (nodemailer to MailDev)", () => {
  const provider = createSmtpEmailProvider({ url: engines.smtpUrl, from: FROM });
  afterAll(() => provider.close?.());

  it("delivers marketing mail with List-Unsubscribe, one-click POST and a Message-ID from the idempotency key", async () => {
    const to = `ada+${randomUUID()}@example.test`;
    const key = `enrol-1:mail-1:${randomUUID()}`;
    const result = await provider.send(message(to, "marketing", key));
    expect(result).toMatchObject({ status: "sent", providerMessageId: messageIdFor(key, FROM) });

    const mail = await receivedBy(to);
    expect(mail.subject).toBe("Ada, 20% off ends tonight");
    expect(mail.headers["list-unsubscribe"]).toBe("<https://api.shop.test/u/tok123>");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers["message-id"]).toBe(messageIdFor(key, FROM));
    expect(mail.headers["message-id"]).toMatch(/^<[0-9a-f]{32}@shop\.test>$/);
    expect(mail.headers["x-omnijourney-message-id"]).toBe("msg-3");
    expect(mail.headers["x-omnijourney-journey-id"]).toBe("j-email");
    expect(mail.html).toContain("<b>Ada</b>");
    expect(mail.text?.trim()).toBe("Hello Ada");
  });

  it("leaves List-Unsubscribe off transactional mail", async () => {
    const to = `receipt+${randomUUID()}@example.test`;
    expect((await provider.send(message(to, "transactional"))).status).toBe("sent");
    const mail = await receivedBy(to);
    expect(mail.headers["list-unsubscribe"]).toBeUndefined();
    expect(mail.headers["list-unsubscribe-post"]).toBeUndefined();
    expect(mail.headers["x-omnijourney-category"]).toBe("transactional");
  });

  it("derives the same Message-ID for a retried send and a different one for another key", () => {
    expect(messageIdFor("k1", FROM)).toBe(messageIdFor("k1", FROM));
    expect(messageIdFor("k1", FROM)).not.toBe(messageIdFor("k2", FROM));
    expect(messageIdFor("k1", "no-domain")).toMatch(/@omnijourney\.local>$/);
  });

  it("calls beforeHandOver after the body and before the relay has the message", async () => {
    const to = `handover+${randomUUID()}@example.test`;
    let inboxDuringHook: number | undefined;
    const result = await provider.send({
      ...message(to, "marketing"),
      beforeHandOver: async () => {
        inboxDuringHook = (await mailsTo(to)).length;
      },
    });
    expect(result.status).toBe("sent");
    expect(inboxDuringHook).toBe(0);
    expect((await receivedBy(to)).subject).toBe("Ada, 20% off ends tonight");
  });

  it("delivers nothing when beforeHandOver fails, and reports a retryable failure", async () => {
    const to = `nohandover+${randomUUID()}@example.test`;
    const result = await provider.send({
      ...message(to, "marketing"),
      beforeHandOver: () => Promise.reject(new Error("database is locked")),
    });
    expect(result).toMatchObject({ status: "failed", permanent: false });
    expect(result.error).toContain("database is locked");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailsTo(to)).toEqual([]);
  });

  it("fails permanently without connecting when subject or body is missing", async () => {
    const result = await provider.send({
      ...message("x@example.test", "marketing"),
      content: { subject: "only a subject" },
    });
    expect(result).toMatchObject({ status: "failed", permanent: true });
  });
});

describe("SMTP email provider failures", () => {
  /** A relay that rejects recipients with the given SMTP reply code. */
  async function rejectingRelay(responseCode: number) {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(
          Object.assign(
            new Error(responseCode >= 500 ? "5.1.1 No such user" : "4.2.1 Mailbox busy, try later"),
            { responseCode },
          ),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    // smtp-server exposes its net.Server; a TCP listener's address is an AddressInfo.
    const { port } = server.server.address() as AddressInfo;
    return {
      url: `smtp://127.0.0.1:${port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  it("reports a 550 recipient rejection as permanent", async () => {
    const relay = await rejectingRelay(550);
    const provider = createSmtpEmailProvider({ url: relay.url, from: FROM, pool: false });
    const result = await provider.send(message("nobody@example.test", "marketing"));
    await provider.close?.();
    await relay.close();
    expect(result).toMatchObject({ status: "failed", permanent: true });
    expect(result.error).toContain("No such user");
  });

  it("reports a 451 temporary rejection as retryable", async () => {
    const relay = await rejectingRelay(451);
    const provider = createSmtpEmailProvider({ url: relay.url, from: FROM, pool: false });
    const result = await provider.send(message("busy@example.test", "marketing"));
    await provider.close?.();
    await relay.close();
    expect(result).toMatchObject({ status: "failed", permanent: false });
    expect(result.error).toContain("Mailbox busy");
  });

  it("reports a relay that refuses connections as retryable", async () => {
    const port = await closedPort();
    const provider = createSmtpEmailProvider({
      url: `smtp://127.0.0.1:${port}`,
      from: FROM,
      pool: false,
      timeoutMs: 2_000,
    });
    const result = await provider.send(message("x@example.test", "transactional"));
    await provider.close?.();
    expect(result).toMatchObject({ status: "failed", permanent: false });
    expect(result.error).toContain("ECONNREFUSED");
  });
});
