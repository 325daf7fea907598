import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startTestApi, type TestApi } from "./helpers/api.js";
import { json, type Json } from "./helpers/json.js";
import { segmentJourney, welcomeJourney } from "./fixtures.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("mgmt");
});
afterAll(async () => {
  await t?.close();
});

describe("system", () => {
  it("reports health with a live MongoDB ping, the details behind the token", async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    const details = await t.api("/api/health");
    expect(details.status).toBe(200);
    expect(await details.json()).toMatchObject({ status: "ok", mongo: { ok: true } });
  });

  it("answers /api without a valid bearer token with 401 in the one error shape", async () => {
    const res = await fetch(`${t.url}/api/me`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect((await t.api("/api/me")).status).toBe(200);
  });

  it("serves an OpenAPI 3.1 document covering the fixed paths and a rendered docs page", async () => {
    const doc = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Json>;
    };
    expect(doc.openapi).toBe("3.1.0");
    for (const p of [
      "/api/journeys",
      "/api/journeys/{id}/publish",
      "/api/profiles/{id}",
      "/api/segments/preview",
      "/api/messages",
      "/api/node-types",
      "/v1/batch",
      "/health",
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const html = await (await fetch(`${t.url}/api/docs`)).text();
    expect(html).toContain("/api/journeys/{id}/publish");
  });

  it("lists every registered node type with its JSON Schema and ports", async () => {
    const body = (await json(await t.api("/api/node-types"))) as {
      items: { type: string; configSchema: Json; outputs: string[] | null }[];
    };
    const types = body.items.map((i) => i.type);
    for (const tp of [
      "trigger.event",
      "message.email",
      "message.cascade",
      "wait.event",
      "branch.condition",
      "experiment.split",
      "goal",
      "exit",
    ])
      expect(types).toContain(tp);
    expect(body.items.find((i) => i.type === "wait.event")?.outputs).toEqual([
      "received",
      "timeout",
    ]);
    expect(body.items.find((i) => i.type === "message.email")?.configSchema).toHaveProperty(
      "properties.subject",
    );
  });

  it("never returns provider credentials in clear", async () => {
    const put = await t.api("/api/settings", {
      method: "PUT",
      body: {
        providers: {
          sms: {
            provider: "twilio",
            accountSid: "AC1",
            authToken: "super-secret-token",
            from: "+100",
          },
        },
      },
    });
    expect(put.status).toBe(200);
    const text = await (await t.api("/api/settings")).text();
    expect(text).not.toContain("super-secret-token");
    expect(text).toContain("AC1");
    // Sending the masked value back keeps the stored secret.
    const settings = JSON.parse(text) as { providers: { sms: Json } };
    await t.api("/api/settings", {
      method: "PUT",
      body: { providers: { sms: settings.providers.sms } },
    });
    const stored = await t.context.db.settings.findOne({ _id: "workspace" });
    expect(JSON.stringify(stored)).toContain("super-secret-token");
  });
});

describe("journeys", () => {
  it("creates, reads, lists and saves a draft", async () => {
    const created = await t.api("/api/journeys", { body: welcomeJourney() });
    expect(created.status).toBe(201);
    const j = await json(created);
    expect(j).toMatchObject({ name: "Welcome", status: "draft", liveVersion: null });
    const id = String(j.id);
    const saved = await t.api(`/api/journeys/${id}`, {
      method: "PUT",
      body: { ...welcomeJourney(), name: "Welcome v2" },
    });
    expect(await json(saved)).toMatchObject({ name: "Welcome v2" });
    const list = (await json(await t.api("/api/journeys"))) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(id);
    expect((await t.api(`/api/journeys/nope`)).status).toBe(404);
  });

  it("validates a document and reports every problem with its id", async () => {
    const doc = welcomeJourney();
    const broken = {
      ...doc,
      nodes: [
        ...doc.nodes,
        { id: "lonely", type: "exit", position: { x: 0, y: 0 }, config: {} },
        { id: "weird", type: "nope.type", position: { x: 0, y: 0 }, config: {} },
      ],
    };
    const res = await json(await t.api("/api/journeys/validate", { body: broken }));
    expect(res.valid).toBe(false);
    const problems = res.problems as { code: string; nodeId?: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "unreachable_node", nodeId: "lonely" }),
        expect.objectContaining({ code: "unknown_node_type", nodeId: "weird" }),
      ]),
    );
    expect(
      (await json(await t.api("/api/journeys/validate", { body: welcomeJourney() }))).valid,
    ).toBe(true);
  });

  it("refuses to publish an invalid journey with 422 invalid_journey and its problems", async () => {
    const { id } = await json(
      await t.api("/api/journeys", { body: { name: "Empty", nodes: [], edges: [] } }),
    );
    const res = await t.api(`/api/journeys/${String(id)}/publish`, { method: "POST" });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.error?.code).toBe("invalid_journey");
    expect(body.error?.details.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "no_trigger" })]),
    );
  });

  it("publishes a frozen version, keeps it on re-publish of the same content, pauses and resumes", async () => {
    const { id } = await json(await t.api("/api/journeys", { body: welcomeJourney("Never Sent") }));
    const v1 = await json(await t.api(`/api/journeys/${String(id)}/publish`, { method: "POST" }));
    expect(v1).toMatchObject({ version: 1, created: true });
    expect(
      (await json(await t.api(`/api/journeys/${String(id)}/publish`, { method: "POST" }))).version,
    ).toBe(1);
    await t.api(`/api/journeys/${String(id)}`, {
      method: "PUT",
      body: { ...welcomeJourney("Never Sent"), settings: { reentry: "always" } },
    });
    expect(
      (await json(await t.api(`/api/journeys/${String(id)}/publish`, { method: "POST" }))).version,
    ).toBe(2);
    const versions = (await json(await t.api(`/api/journeys/${String(id)}/versions`))) as {
      items: { version: number }[];
    };
    expect(versions.items.map((v) => v.version)).toEqual([2, 1]);
    const v1doc = await json(await t.api(`/api/journeys/${String(id)}/versions/1`));
    expect(v1doc).toHaveProperty("plan.triggerNodeId", "t");
    const journey = await t.context.db.journeys.findOne({ _id: String(id) });
    expect(journey?.trigger).toEqual({ type: "trigger.event", event: "Never Sent" });
    expect(
      (await json(await t.api(`/api/journeys/${String(id)}/pause`, { method: "POST" }))).status,
    ).toBe("paused");
    expect((await t.api(`/api/journeys/${String(id)}/pause`, { method: "POST" })).status).toBe(409);
    expect(
      (await json(await t.api(`/api/journeys/${String(id)}/resume`, { method: "POST" }))).status,
    ).toBe("live");
    expect((await t.api(`/api/journeys/${String(id)}`, { method: "DELETE" })).status).toBe(409);
    const stats = await json(await t.api(`/api/journeys/${String(id)}/stats`));
    expect(stats).toEqual({ nodes: {} });
  });

  it("enrols a profile into the live version once, and says why a second enrolment did not start", async () => {
    const { id } = await json(
      await t.api("/api/journeys", { body: welcomeJourney("Never Fired") }),
    );
    await t.api(`/api/journeys/${String(id)}/publish`, { method: "POST" });
    await t.ingest("/identify", { userId: "enrol-1", traits: { email: "enrol-1@example.com" } });
    await eventually(async () => (await t.api("/api/profiles/enrol-1")).status === 200);
    const enrol = () =>
      t.api(`/api/journeys/${String(id)}/enrol`, { body: { profileId: "enrol-1" } });
    const first = await enrol();
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({
      version: 1,
      profileId: "enrol-1",
      result: { started: true, version: 1 },
    });
    expect(await json(await enrol())).toMatchObject({
      result: { started: false, reason: "already_enrolled" },
    });
  });
});

describe("segments", () => {
  it("previews a condition with a count and sample, and blocks deleting a segment a journey uses", async () => {
    for (const [i, plan] of ["pro", "pro", "free"].entries())
      await t.ingest("/identify", { userId: `seg-${i}`, traits: { plan, country: "DE" } });
    const condition = {
      all: [
        { attr: "plan", op: "eq", value: "pro" },
        { attr: "country", op: "eq", value: "DE" },
      ],
    };
    const preview = await json(await t.api("/api/segments/preview", { body: { condition } }));
    expect(preview.count).toBe(2);
    expect((preview.sample as { profileId: string }[]).map((p) => p.profileId).sort()).toEqual([
      "seg-0",
      "seg-1",
    ]);
    const created = await json(
      await t.api("/api/segments", { body: { name: "Pro in DE", condition } }),
    );
    const segmentId = String(created.id);
    expect((await json(await t.api(`/api/segments/${segmentId}`))).count).toBe(2);
    const badCondition = await t.api("/api/segments", {
      body: { name: "Bad", condition: { attr: "plan", op: "between", value: 1 } },
    });
    expect(badCondition.status).toBe(400);
    const journey = await json(await t.api("/api/journeys", { body: segmentJourney(segmentId) }));
    const blocked = await t.api(`/api/segments/${segmentId}`, { method: "DELETE" });
    expect(blocked.status).toBe(409);
    expect((await json(blocked)).error?.code).toBe("segment_in_use");
    await t.api(`/api/journeys/${String(journey.id)}`, { method: "DELETE" });
    expect((await t.api(`/api/segments/${segmentId}`, { method: "DELETE" })).status).toBe(204);
  });
});
