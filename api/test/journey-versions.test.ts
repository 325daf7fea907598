import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Journey, JourneyVersionList } from "@omnijourney/shared";
import { auditOf } from "@omnijourney/store";
import { startTestApi, type TestApi } from "./helpers/api.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("journey-versions");
});
afterAll(async () => {
  await t?.close();
});

const doc = (subject: string) => ({
  name: "Versioned",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "Signed Up" } },
    {
      id: "m",
      type: "message.email",
      position: { x: 0, y: 150 },
      config: { subject, body: "<p>Hi</p>" },
    },
    { id: "x", type: "exit", position: { x: 0, y: 300 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m" },
    { id: "e2", source: "m", target: "x" },
  ],
});

const subjectOf = (journey: Journey) =>
  JSON.stringify(journey.document).match(/"subject":"([^"]*)"/)?.[1];

describe("journey versions: history, restore", () => {
  it("lists who published each version and restores an older one as the draft, audited", async () => {
    const created = Journey.parse(
      await (await t.api("/api/journeys", { body: doc("First") })).json(),
    );
    const id = created.id;
    expect((await t.api(`/api/journeys/${id}/publish`, { body: {} })).status).toBe(200);
    expect(
      (await t.api(`/api/journeys/${id}`, { method: "PUT", body: doc("Second") })).status,
    ).toBe(200);
    expect((await t.api(`/api/journeys/${id}/publish`, { body: {} })).status).toBe(200);

    const history = JourneyVersionList.parse(
      await (await t.api(`/api/journeys/${id}/versions`)).json(),
    );
    expect(history.items.map((v) => [v.version, v.publishedBy])).toEqual([
      [2, "admin"],
      [1, "admin"],
    ]);

    const restored = await t.api(`/api/journeys/${id}/versions/1/restore`, { body: {} });
    expect(restored.status).toBe(200);
    expect(subjectOf(Journey.parse(await restored.json()))).toBe("First");
    const draft = Journey.parse(await (await t.api(`/api/journeys/${id}`)).json());
    expect(subjectOf(draft)).toBe("First");
    expect(draft.liveVersion).toBe(2);

    const audit = await auditOf(t.context.db, { type: "journey", id });
    expect(audit.map((a) => a.action)).toEqual([
      "journey.version_restored",
      "journey.published",
      "journey.published",
    ]);
    expect(audit[0]?.after).toEqual({ version: 1 });
    expect(audit[0]?.actor).toBe("admin");
  });

  it("answers 404 for a version that does not exist and 400 for one that is not a number", async () => {
    const created = Journey.parse(
      await (await t.api("/api/journeys", { body: doc("Only") })).json(),
    );
    expect(
      (await t.api(`/api/journeys/${created.id}/versions/7/restore`, { body: {} })).status,
    ).toBe(404);
    const bad = await t.api(`/api/journeys/${created.id}/versions/latest/restore`, { body: {} });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("version");
  });
});
