import { Analytics } from "@segment/analytics-node";
import { inject, afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorker } from "@omnijourney/runtime";
import {
  WRITE_KEY,
  eventually,
  startTestApi,
  startTestWorker,
  type TestApi,
} from "./helpers/api.js";
import { welcomeJourney } from "./fixtures.js";

let t: TestApi;
let worker: RunningWorker;
const engines = () => inject("engines");

type Mail = {
  subject: string;
  to: { address: string }[];
  headers: Record<string, string>;
  html?: string;
};
const inbox = async (to: string): Promise<Mail[]> => {
  const all = (await (await fetch(`${engines().mailApiUrl}/email`)).json()) as Mail[];
  return all.filter((m) => m.to.some((r) => r.address === to));
};

beforeAll(async () => {
  t = await startTestApi("e2e");
  worker = await startTestWorker(t);
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

describe("Segment client → profile → journey → email", () => {
  it("the real @segment/analytics-node client's identify and track create the profile, enrol it and send its email", async () => {
    const created = (await (
      await t.api("/api/journeys", { body: welcomeJourney("Signed Up") })
    ).json()) as { id: string };
    expect((await t.api(`/api/journeys/${created.id}/publish`, { method: "POST" })).status).toBe(
      200,
    );

    const analytics = new Analytics({
      writeKey: WRITE_KEY,
      host: t.url,
      flushAt: 2,
      flushInterval: 200,
    });
    analytics.identify({
      userId: "e2e-ada",
      traits: { email: "ada.e2e@example.com", firstName: "Ada", timezone: "Europe/London" },
    });
    analytics.track({ userId: "e2e-ada", event: "Signed Up", properties: { plan: "pro" } });
    await analytics.closeAndFlush({ timeout: 10_000 });

    const profile = (await (await t.api("/api/profiles/e2e-ada")).json()) as {
      attributes: Record<string, unknown>;
    };
    expect(profile.attributes).toMatchObject({
      email: "ada.e2e@example.com",
      firstName: "Ada",
      timezone: "Europe/London",
    });

    const enrolment = await eventually(
      async () => t.context.db.enrolments.findOne({ journeyId: created.id, profileId: "e2e-ada" }),
      30_000,
      "enrolment",
    );
    expect(enrolment.version).toBe(1);
    const mails = await eventually(
      async () => {
        const m = await inbox("ada.e2e@example.com");
        return m.length > 0 ? m : null;
      },
      60_000,
      "the welcome email",
    );
    expect(mails[0]?.subject).toBe("Welcome Ada");

    // The message is logged and listed; the List-Unsubscribe link points at the API and unsubscribes in one click.
    const messages = (await (
      await t.api(`/api/messages?profileId=e2e-ada&journeyId=${created.id}`)
    ).json()) as { items: { id: string; channel: string; status: string }[] };
    expect(messages.items[0]).toMatchObject({ channel: "email" });
    const header = mails[0]?.headers["list-unsubscribe"] ?? "";
    const url = /<(http[^>]+)>/.exec(header)?.[1];
    expect(url).toContain(`${t.url}/unsubscribe/`);
    const res = await fetch(url ?? "", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    const after = (await (await t.api("/api/profiles/e2e-ada")).json()) as {
      consent: Record<string, { marketing: string }>;
    };
    expect(after.consent.email?.marketing).toBe("unsubscribed");
  }, 120_000);
});
