// Snippets and link tracking through the runtime's one render: a live send (time-skipping worker on FerretDB) and
// a simulation (what test sends and the Test panel render) both read the workspace's snippets and add UTM
// parameters to links when the step asks for them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertJourney, insertSnippet, newJourney, newSnippet } from "@omnijourney/store";
import { createSimulator } from "../src/simulation/simulator.js";
import { renderFields } from "../src/activities/render.js";
import { createJourneyTestEnv, linear, type JourneyTestEnv } from "./helpers/journey-env.js";

let t: JourneyTestEnv;
beforeAll(async () => {
  t = await createJourneyTestEnv("library");
  await t.setSettings({ quietHours: { enabled: false }, frequencyCap: { enabled: false } });
  await insertSnippet(
    t.models,
    newSnippet({
      name: "footer",
      body: "<p>Thanks, {{ profile.firstName }}! {{ event.name }}</p>",
    }),
  );
}, 120_000);
afterAll(() => t?.close());

const trackedEmail = {
  subject: "Your cart, {{ profile.firstName }}",
  body: '<a href="https://shop.example.com/cart?x=1&amp;y=2#items">cart</a>{{ snippets.footer }}',
  utm: { enabled: true, source: "newsletter" },
};

describe("snippets and link tracking in sends", () => {
  it("a live send renders {{ snippets.name }} with the profile and adds UTM parameters named after the journey", async () => {
    await insertJourney(
      t.models,
      newJourney({ _id: "j-utm", name: "Abandoned cart", document: {} }),
    );
    await t.createProfile("p-lib", { attributes: { email: "ada@example.com", firstName: "Ada" } });
    const plan = t.compile(
      linear("Abandoned cart", [
        { id: "m", type: "message.email", config: trackedEmail },
        { id: "x", type: "exit" },
      ]),
    );
    const result = await t.run(plan, "p-lib", {
      journeyId: "j-utm",
      event: t.event("cart_abandoned"),
    });
    expect(result.outcome).toBe("completed");
    const [message] = await t.models.messages.find({ profileId: "p-lib" }).toArray();
    expect(message?.status).toBe("sent");
    expect(message?.content.body).toBe(
      '<a href="https://shop.example.com/cart?x=1&amp;y=2&amp;utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=abandoned-cart#items">cart</a>' +
        "<p>Thanks, Ada! cart_abandoned</p>",
    );
  });

  it("a simulation (test sends, the Test panel) renders the same snippet and the same links", async () => {
    const simulator = createSimulator({ models: t.models });
    try {
      const plan = t.compile(
        linear("Abandoned cart", [
          { id: "m", type: "message.email", config: trackedEmail },
          { id: "x", type: "exit" },
        ]),
      );
      const result = await simulator.simulate({
        plan,
        profile: { profileId: "sim", attributes: { email: "sim@example.com", firstName: "Sim" } },
        enrolEvent: t.event("cart_abandoned"),
      });
      const body = result.messages[0]?.content.body ?? "";
      expect(body).toContain("<p>Thanks, Sim! cart_abandoned</p>");
      expect(body).toContain(
        "utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=abandoned-cart#items",
      );
    } finally {
      await simulator.close();
    }
  }, 120_000);

  it("a step without link tracking leaves its links exactly as written", async () => {
    const rendered = await renderFields(
      { text: "See https://example.com/a?b=c%20d." },
      {},
      { snippets: {}, utm: null },
    );
    expect(rendered.text).toBe("See https://example.com/a?b=c%20d.");
  });

  it("an unknown snippet renders empty and a snippet's Liquid error fails the field", async () => {
    expect(
      (await renderFields({ text: "a{{ snippets.nothing }}b" }, {}, { snippets: {} })).text,
    ).toBe("ab");
    await expect(
      renderFields({ text: "{{ snippets.bad }}" }, {}, { snippets: { bad: "{{ oops" } }),
    ).rejects.toThrow();
  });
});
