import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MessagePreview,
  MessageTemplate,
  MessageTemplateList,
  Snippet,
  SnippetList,
} from "@omnijourney/shared";
import { ObjectId } from "@omnijourney/store";
import { eventually, startTestApi, type TestApi } from "./helpers/api.js";
import { json } from "./helpers/json.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("library");
  await t.ingest("/identify", { userId: "lib-1", traits: { firstName: "Ada", plan: "pro" } });
  await eventually(async () => (await t.api("/api/profiles/lib-1")).status === 200);
});
afterAll(async () => {
  await t?.close();
});

describe("message templates", () => {
  it("keeps a message as a template, lists it by channel, replaces and deletes it", async () => {
    const created = await t.api("/api/templates", {
      body: {
        name: "Cart reminder",
        channel: "email",
        content: { subject: "Hi {{ profile.firstName }}", body: "<p>Your cart</p>" },
      },
    });
    expect(created.status).toBe(201);
    const template = MessageTemplate.parse(await created.json());
    const emails = MessageTemplateList.parse(
      await (await t.api("/api/templates?channel=email")).json(),
    );
    expect(emails.items.map((i) => i.name)).toContain("Cart reminder");
    const sms = MessageTemplateList.parse(await (await t.api("/api/templates?channel=sms")).json());
    expect(sms.items.map((i) => i.id)).not.toContain(template.id);

    const updated = await t.api(`/api/templates/${template.id}`, {
      method: "PUT",
      body: { name: "Cart reminder v2", channel: "email", content: { subject: "S", body: "B" } },
    });
    expect(updated.status).toBe(200);
    expect(MessageTemplate.parse(await updated.json())).toMatchObject({
      name: "Cart reminder v2",
      content: { subject: "S", body: "B" },
    });
    expect((await t.api(`/api/templates/${template.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await t.api(`/api/templates/${template.id}`)).status).toBe(404);
  });

  it("refuses a broken template, an unknown channel or a field the channel has not with a 400 naming the field", async () => {
    const broken = await json(
      await t.api("/api/templates", {
        body: { name: "x", channel: "email", content: { subject: "{{ profile.firstName" } },
      }),
    );
    expect(broken.error?.code).toBe("invalid_request");
    expect(broken.error?.details.fields).toEqual(["body.content.subject"]);
    const fax = await json(
      await t.api("/api/templates", { body: { name: "x", channel: "fax", content: {} } }),
    );
    expect(fax.error?.details.fields).toEqual(["body.channel"]);
    const stray = await json(
      await t.api("/api/templates", {
        body: { name: "x", channel: "sms", content: { subject: "Hi" } },
      }),
    );
    expect(stray.error?.details.fields).toEqual(["body.content.subject"]);
  });
});

describe("snippets", () => {
  it("a snippet is read as {{ snippets.name }} in the preview, rendered with the profile and event", async () => {
    const created = await t.api("/api/snippets", {
      body: {
        name: "footer",
        description: "Legal footer",
        body: "Bye {{ profile.firstName }} ({{ event.name }})",
      },
    });
    expect(created.status).toBe(201);
    const snippet = Snippet.parse(await created.json());
    const list = SnippetList.parse(await (await t.api("/api/snippets")).json());
    expect(list.items.map((s) => s.name)).toEqual(["footer"]);

    const preview = MessagePreview.parse(
      await (
        await t.api("/api/messages/preview", {
          body: {
            channel: "sms",
            profileId: "lib-1",
            event: { name: "cart_abandoned", properties: {} },
            content: { text: "Hello. {{ snippets.footer }}" },
          },
        })
      ).json(),
    );
    expect(preview.rendered.text).toBe("Hello. Bye Ada (cart_abandoned)");

    // A change to the snippet is what the next render reads.
    await t.api(`/api/snippets/${snippet.id}`, {
      method: "PUT",
      body: { name: "footer", body: "See you" },
    });
    const again = MessagePreview.parse(
      await (
        await t.api("/api/messages/preview", {
          body: { channel: "sms", content: { text: "{{ snippets.footer }}" } },
        })
      ).json(),
    );
    expect(again.rendered.text).toBe("See you");
  });

  it("refuses a second snippet of the same name (409 on body.name) and a name templates cannot write (400)", async () => {
    await t.api("/api/snippets", { body: { name: "sig", body: "A" } });
    const twice = await json(await t.api("/api/snippets", { body: { name: "sig", body: "B" } }));
    expect(twice.error?.code).toBe("snippet_name_taken");
    expect(twice.error?.details.fields).toEqual(["body.name"]);
    const bad = await json(
      await t.api("/api/snippets", { body: { name: "legal note", body: "x" } }),
    );
    expect(bad.error?.details.fields).toEqual(["body.name"]);
    const liquid = await json(
      await t.api("/api/snippets", { body: { name: "ok", body: "{% if %}" } }),
    );
    expect(liquid.error?.details.fields).toEqual(["body.body"]);
  });
});

describe("link tracking in the preview", () => {
  it("the preview's links carry utm_ parameters when the step's link tracking is on, named after the journey", async () => {
    const journey = await json(
      await t.api("/api/journeys", {
        body: { name: "Spring Sale", nodes: [], edges: [], settings: { reentry: "never" } },
      }),
    );
    const render = async (utm: unknown) =>
      MessagePreview.parse(
        await (
          await t.api("/api/messages/preview", {
            body: {
              channel: "email",
              journeyId: journey.id,
              content: {
                subject: "S",
                body: '<a href="https://shop.example.com/?ref=mail">Shop</a>',
              },
              ...(utm ? { utm } : {}),
            },
          })
        ).json(),
      ).rendered.body;
    expect(await render({ enabled: true })).toBe(
      '<a href="https://shop.example.com/?ref=mail&amp;utm_source=omnijourney&amp;utm_medium=email&amp;utm_campaign=spring-sale">Shop</a>',
    );
    expect(await render({ enabled: false, source: "x" })).toBe(
      '<a href="https://shop.example.com/?ref=mail">Shop</a>',
    );
    expect(await render(null)).toBe('<a href="https://shop.example.com/?ref=mail">Shop</a>');
  });

  it("the click redirect accepts a tracked link and sends the browser to it unchanged (query kept, nothing re-encoded)", async () => {
    const { rendered } = MessagePreview.parse(
      await (
        await t.api("/api/messages/preview", {
          body: {
            channel: "email",
            content: {
              subject: "S",
              body: '<a href="https://shop.example.com/cart?q=a%20b&amp;x=1#items">Cart</a>',
            },
            utm: { enabled: true, campaign: "Spring Sale" },
          },
        })
      ).json(),
    );
    const tracked =
      "https://shop.example.com/cart?q=a%20b&x=1&utm_source=omnijourney&utm_medium=email&utm_campaign=Spring%20Sale#items";
    expect(rendered.body).toBe(`<a href="${tracked.replace(/&/g, "&amp;")}">Cart</a>`);
    // The message log keeps the rendered content, as a send writes it.
    const _id = new ObjectId();
    await t.context.db.raw.collection("messages").insertOne({
      _id,
      idempotencyKey: `k-${_id.toHexString()}`,
      profileId: "lib-1",
      channel: "email",
      category: "marketing",
      status: "sent",
      content: rendered,
      cost: 0,
      createdAt: new Date(),
    });
    const click = await fetch(
      `${t.url}/t/c/${_id.toHexString()}?url=${encodeURIComponent(tracked)}`,
      {
        redirect: "manual",
      },
    );
    expect(click.status).toBe(302);
    expect(click.headers.get("location")).toBe(tracked);
    const untracked = await fetch(
      `${t.url}/t/c/${_id.toHexString()}?url=${encodeURIComponent("https://shop.example.com/cart?q=a%20b&x=1#items")}`,
      { redirect: "manual" },
    );
    expect(untracked.status).toBe(400);
  });

  it("a webhook preview shows the request with its URL's credentials and the signature masked", async () => {
    const preview = MessagePreview.parse(
      await (
        await t.api("/api/messages/preview", {
          body: {
            channel: "webhook",
            profileId: "lib-1",
            content: {
              url: "https://user:hunter2@hooks.example.com/in?token=abc&plan={{ profile.plan }}",
              body: '{"name":"{{ profile.firstName }}"}',
              method: "PUT",
            },
          },
        })
      ).json(),
    );
    expect(preview.webhook?.method).toBe("PUT");
    expect(preview.webhook?.url).toBe(
      "https://••••••••@hooks.example.com/in?token=••••••••&plan=pro",
    );
    expect(preview.rendered.url).toBe(preview.webhook?.url);
    expect(JSON.stringify(preview)).not.toContain("hunter2");
    expect(preview.webhook?.headers["x-omnijourney-signature"]).toBe("••••••••");
    expect(preview.rendered.body).toBe('{"name":"Ada"}');
  });
});
