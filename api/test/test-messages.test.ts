import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventually, startTestApi, type TestApi } from "./helpers/api.js";
import { welcomeJourney } from "./fixtures.js";

const engines = () => inject("engines");
type Mail = { subject: string; to: { address: string }[]; html?: string };
const inbox = async (to: string): Promise<Mail[]> => {
  const all = (await (await fetch(`${engines().mailApiUrl}/email`)).json()) as Mail[];
  return all.filter((m) => m.to.some((r) => r.address === to));
};
/** MailDev stores a mail a moment after SMTP accepted it. */
const delivered = (to: string) =>
  eventually(
    async () => {
      const mails = await inbox(to);
      return mails.length > 0 ? mails : null;
    },
    10_000,
    `mail to ${to}`,
  );
type Result = { channel: string; status: string; provider?: string; reason?: string };
type ErrorBody = { error: { code: string; details: { fields?: string[] } } };

const rendered = {
  email: {
    channel: "email",
    content: { subject: "Welcome Ada", body: "<p>Hello Ada, see https://example.com/start</p>" },
  },
  sms: { channel: "sms", content: { text: "Ada, your cart is waiting" } },
  telegram: { channel: "telegram", content: { text: "Hi Ada" } },
  push: { channel: "push", content: { title: "Still there?", body: "Your cart" } },
};

let t: TestApi;
let journeyId: string;
beforeAll(async () => {
  t = await startTestApi("testmsg");
  // The workspace's configured email provider: SMTP to the test MailDev.
  const put = await t.api("/api/settings", {
    method: "PUT",
    body: {
      providers: {
        email: { provider: "smtp", url: engines().smtpUrl, from: "Shop <shop@example.com>" },
      },
    },
  });
  expect(put.status).toBe(200);
  const created = (await (await t.api("/api/journeys", { body: welcomeJourney() })).json()) as {
    id: string;
  };
  journeyId = created.id;
});
afterAll(async () => {
  await t?.close();
});

const post = (body: unknown, id = journeyId) =>
  t.api(`/api/journeys/${id}/test-messages`, { body });

describe("POST /api/journeys/:id/test-messages", () => {
  it("sends the rendered email to the given address with the subject marked [Test], and logs no journey message", async () => {
    const to = `marketer-${Date.now()}@example.com`;
    const res = await post({ messages: [rendered.email], to: { email: to } });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: Result[] };
    expect(results).toEqual([{ channel: "email", status: "sent", provider: "smtp", to }]);

    const mails = await delivered(to);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("[Test] Welcome Ada");
    expect(mails[0]?.html).toContain("Hello Ada");
    // Test sends are not journey messages: the log and the analytics built from it stay empty.
    expect(await t.context.db.messages.countDocuments({})).toBe(0);
    const log = (await (await t.api(`/api/messages?journeyId=${journeyId}`)).json()) as {
      items: unknown[];
    };
    expect(log.items).toHaveLength(0);
  });

  it("answers per message: a channel without an address given is skipped naming it, sandbox channels are skipped, push is not testable", async () => {
    const to = `marketer-mixed-${Date.now()}@example.com`;
    const res = await post({
      messages: [rendered.email, rendered.sms, rendered.telegram, rendered.push],
      to: { email: to, telegramChatId: "12345" },
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: Result[] };
    expect(results.map((r) => [r.channel, r.status])).toEqual([
      ["email", "sent"],
      ["sms", "skipped"],
      ["telegram", "skipped"],
      ["push", "skipped"],
    ]);
    expect(results[1]?.reason).toMatch(/no phone number given for sms/);
    expect(results[2]).toMatchObject({ provider: "sandbox" });
    expect(results[2]?.reason).toMatch(/sandbox/);
    expect(results[3]?.reason).toMatch(/push/);
    expect(await delivered(to)).toHaveLength(1);
  });

  it("refuses bad input with 400 naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ messages: [rendered.email], to: { email: "not-an-email" } }, "body.to.email"],
      [{ messages: [rendered.sms], to: { phone: "0612" } }, "body.to.phone"],
      [{ messages: [rendered.email], to: {} }, "body.to"],
      [{ messages: [], to: { email: "a@example.com" } }, "body.messages"],
      [
        { messages: [{ channel: "fax", content: {} }], to: { email: "a@example.com" } },
        "body.messages.0.channel",
      ],
      [
        {
          messages: [{ channel: "email", content: { subject: 3 } }],
          to: { email: "a@example.com" },
        },
        "body.messages.0.content.subject",
      ],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = (await res.json()) as ErrorBody;
      expect(err.error.code).toBe("invalid_request");
      expect(err.error.details.fields, JSON.stringify(body)).toContain(field);
    }
  });

  it("answers 404 for an unknown journey and 401 without the token", async () => {
    const body = { messages: [rendered.email], to: { email: "a@example.com" } };
    expect((await post(body, "j_missing")).status).toBe(404);
    const anonymous = await fetch(`${t.url}/api/journeys/${journeyId}/test-messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(anonymous.status).toBe(401);
  });

  it("is documented in the OpenAPI document from the same schema", async () => {
    const doc = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths["/api/journeys/{id}/test-messages"]?.post).toBeDefined();
  });
});

describe("the email relay when Settings name none", () => {
  it("uses the supervisor's SMTP relay (as /health reports it), and says so when there is none", async () => {
    const withRelay = await startTestApi("testmsg_relay", {
      engineStatus: () => ({ smtp: { mode: "embedded", address: engines().smtpUrl } }),
    });
    const without = await startTestApi("testmsg_norelay");
    try {
      const doc = welcomeJourney();
      const a = (await (await withRelay.api("/api/journeys", { body: doc })).json()) as {
        id: string;
      };
      const to = `relay-${Date.now()}@example.com`;
      const sent = (await (
        await withRelay.api(`/api/journeys/${a.id}/test-messages`, {
          body: { messages: [rendered.email], to: { email: to } },
        })
      ).json()) as { results: Result[] };
      expect(sent.results[0]?.status).toBe("sent");
      expect(await delivered(to)).toHaveLength(1);

      const b = (await (await without.api("/api/journeys", { body: doc })).json()) as {
        id: string;
      };
      const failed = (await (
        await without.api(`/api/journeys/${b.id}/test-messages`, {
          body: { messages: [rendered.email], to: { email: "nobody@example.com" } },
        })
      ).json()) as { results: Result[] };
      expect(failed.results[0]).toMatchObject({ channel: "email", status: "failed" });
      expect(failed.results[0]?.reason).toMatch(/SMTP relay/);
    } finally {
      await withRelay.close();
      await without.close();
    }
  });
});
