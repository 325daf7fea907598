import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/api.js";
import { json } from "./helpers/json.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("mgmt_profiles");
});
afterAll(async () => {
  await t?.close();
});

describe("profiles", () => {
  it("searches by id and email prefix with a cursor", async () => {
    for (let i = 0; i < 5; i++)
      await t.ingest("/identify", {
        userId: `search-${i}`,
        traits: { email: `searcher${i}@example.com` },
      });
    const page1 = await json(await t.api("/api/profiles?query=searcher&limit=3"));
    expect((page1.items as unknown[]).length).toBe(3);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = await json(
      await t.api(`/api/profiles?query=searcher&limit=3&cursor=${String(page1.nextCursor)}`),
    );
    expect((page2.items as unknown[]).length).toBe(2);
    expect(page2.nextCursor).toBeNull();
    const ids = [
      ...(page1.items as { profileId: string }[]),
      ...(page2.items as { profileId: string }[]),
    ]
      .map((p) => p.profileId)
      .sort();
    expect(ids).toEqual(["search-0", "search-1", "search-2", "search-3", "search-4"]);
  });

  it("updates attributes and consent with its history", async () => {
    await t.ingest("/identify", { userId: "patch-1", traits: { plan: "free", city: "Berlin" } });
    const res = await t.api("/api/profiles/patch-1", {
      method: "PATCH",
      body: {
        attributes: { plan: "pro", city: null },
        consent: { sms: { marketing: "subscribed" } },
      },
    });
    expect(res.status).toBe(200);
    const p = await json(res);
    expect(p.attributes).toEqual({ plan: "pro" });
    expect(p).toMatchObject({
      consent: {
        sms: {
          marketing: "subscribed",
          transactional: "unknown",
          history: [expect.objectContaining({ status: "subscribed", source: "api" })],
        },
      },
    });
  });
});
