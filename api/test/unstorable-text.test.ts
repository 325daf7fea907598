// Text MongoDB cannot store (a NUL in a name or key, an unpaired surrogate anywhere) is refused at the edge with a
// 400 that names the field, and nothing of the refused event is stored. Before, such an event was stored, answered
// with a 500, and its outbox entry was retried for ever.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startTestApi, type TestApi } from "./helpers/api.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("unstorable");
});
afterAll(async () => {
  await t?.close();
});

type ErrorBody = { error: { code: string; message: string; details: { fields?: string[] } } };

const refused = async (res: Response, field: string) => {
  expect(res.status).toBe(400);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe("invalid_request");
  expect(body.error.details.fields, JSON.stringify(body)).toContain(field);
};

/** The events on a profile's timeline, once the profile's good event has been applied. */
const storedEvents = async (userId: string, expected: string) => {
  const ok = await t.ingest("/track", { userId, event: expected });
  expect(ok.status).toBe(200);
  return eventually(async () => {
    const res = await t.api(`/api/profiles/${encodeURIComponent(userId)}`);
    if (res.status !== 200) return undefined;
    const body = (await res.json()) as { timeline: { kind: string; event?: string }[] };
    const events = body.timeline.filter((item) => item.kind === "event").map((e) => e.event);
    return events.includes(expected) ? events : undefined;
  });
};

describe("ingestion refuses text MongoDB cannot store", () => {
  it("refuses an event name with a NUL, naming body.event, and stores nothing of it", async () => {
    await refused(
      await t.ingest("/track", { userId: "nul-name", event: "a\u0000b" }),
      "body.event",
    );
    expect(await storedEvents("nul-name", "Signed Up")).toEqual(["Signed Up"]);
  });

  it("refuses a property key with a NUL, naming the key's path", async () => {
    const res = await t.ingest("/track", {
      userId: "nul-key",
      event: "Clicked",
      properties: { "colour\u0000": "red" },
    });
    await refused(res, "body.properties.colour\u0000");
    expect(await storedEvents("nul-key", "Viewed")).toEqual(["Viewed"]);
  });

  it("refuses a userId with an unpaired surrogate, naming body.userId", async () => {
    await refused(
      await t.ingest("/track", { userId: "sur\ud800", event: "Clicked" }),
      "body.userId",
    );
    const res = await t.api(`/api/profiles/${encodeURIComponent("sur\ufffd")}`);
    expect(res.status).toBe(404);
  });

  it("refuses an unpaired surrogate inside a trait value", async () => {
    const res = await t.ingest("/identify", { userId: "sur-trait", traits: { name: "x\udc00y" } });
    await refused(res, "body.traits.name");
  });

  it("refuses a batch's bad event by its index and keeps the good ones", async () => {
    const res = await t.ingest("/batch", {
      batch: [
        { type: "track", userId: "batch-nul", event: "Kept" },
        { type: "track", userId: "batch-nul", event: "bad\u0000" },
      ],
    });
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as { stored?: number; errors?: unknown[] } & ErrorBody;
    expect(JSON.stringify(body)).toContain("batch.1");
    expect(await storedEvents("batch-nul", "Also kept")).not.toContain("bad\u0000");
  });

  it("refuses a profile attribute key with a NUL through the management API", async () => {
    await t.ingest("/identify", { userId: "patch-nul", traits: { plan: "free" } });
    const res = await t.api("/api/profiles/patch-nul", {
      method: "PATCH",
      body: { attributes: { "bad\u0000key": 1 } },
    });
    expect(res.status).toBe(400);
  });
});
