import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MessagePreview } from "@omnijourney/shared";
import { eventually, startTestApi, type TestApi } from "./helpers/api.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("message-preview");
  await t.ingest("/identify", { userId: "preview-1", traits: { firstName: "Ada", plan: "pro" } });
  await eventually(async () => (await t.api("/api/profiles/preview-1")).status === 200);
});
afterAll(async () => {
  await t?.close();
});

const preview = (body: unknown) => t.api("/api/messages/preview", { body });

describe("POST /api/messages/preview", () => {
  it("renders an email's fields for the chosen profile and the sample event, as a send would", async () => {
    const res = await preview({
      channel: "email",
      profileId: "preview-1",
      event: { name: "cart_abandoned", properties: { items: [{ sku: "mug" }, { sku: "cap" }] } },
      content: {
        subject: "{{ profile.firstName }}, you left {{ event.properties.items | size }} items",
        preheader: "On the {{ profile.plan }} plan",
        body: "<ul>{% for i in event.properties.items %}<li>{{ i.sku }}</li>{% endfor %}</ul> {{ event.name }}",
      },
    });
    expect(res.status).toBe(200);
    const body = MessagePreview.parse(await res.json());
    expect(body.rendered).toEqual({
      subject: "Ada, you left 2 items",
      preheader: "On the pro plan",
      body: "<ul><li>mug</li><li>cap</li></ul> cart_abandoned",
    });
    expect(body.errors).toEqual({});
    expect(body.sms).toBeNull();
  });

  it("names the field whose template is broken and still renders the others", async () => {
    const body = MessagePreview.parse(
      await (
        await preview({
          channel: "push",
          content: { title: "Hi {{ profile.firstName", body: "ok" },
        })
      ).json(),
    );
    expect(body.rendered).toEqual({ body: "ok" });
    expect(Object.keys(body.errors)).toEqual(["title"]);
  });

  it("counts an SMS's parts: GSM-7 up to 160 characters in one, Unicode splits at 67", async () => {
    const gsm = MessagePreview.parse(
      await (await preview({ channel: "sms", content: { text: "a".repeat(160) } })).json(),
    );
    expect(gsm.sms).toEqual({ encoding: "GSM-7", units: 160, segments: 1, perSegment: 160 });
    const unicode = MessagePreview.parse(
      await (await preview({ channel: "sms", content: { text: "😀" + "b".repeat(70) } })).json(),
    );
    expect(unicode.sms).toEqual({ encoding: "UCS-2", units: 72, segments: 2, perSegment: 67 });
  });

  it("refuses an unknown channel with a 400 naming the field, and an unknown profile with a 404", async () => {
    const bad = await preview({ channel: "fax", content: {} });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("channel");
    const missing = await preview({ channel: "sms", profileId: "nobody", content: { text: "x" } });
    expect(missing.status).toBe(404);
  });
});
