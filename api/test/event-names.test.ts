import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventNames } from "@omnijourney/shared";
import { startTestApi, type TestApi } from "./helpers/api.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("event-names");
});
afterAll(async () => {
  await t?.close();
});

describe("GET /api/events/names", () => {
  it("lists the workspace's tracked event names, most frequent first, for the studio's suggestions", async () => {
    for (const event of ["Cart Abandoned", "Order Completed", "Cart Abandoned"])
      expect((await t.ingest("/track", { userId: "names-1", event })).status).toBe(200);
    const res = await t.api("/api/events/names");
    expect(res.status).toBe(200);
    const body = EventNames.parse(await res.json());
    expect(body.items.slice(0, 2)).toEqual([
      { name: "Cart Abandoned", count: 2 },
      { name: "Order Completed", count: 1 },
    ]);
  });

  it("needs the admin token", async () => {
    expect((await fetch(`${t.url}/api/events/names`)).status).toBe(401);
  });
});
