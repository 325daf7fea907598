import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeTypeRegistry, nodeTypes } from "@omnijourney/shared";
import { loadPlugins, type RunningWorker } from "@omnijourney/runtime";
import { eventually, startTestApi, startTestWorker, type TestApi } from "./helpers/api.js";

// A plugin's schema changes (version 1 → 2, with `migrate`) while a journey published under version 1 has an
// enrolment waiting before the plugin's step: the step still runs, with its config migrated, on the new worker.
const root = path.resolve(import.meta.dirname, "../..");
const V1 = "./api/test/fixtures-plugins/greeting-v1.mjs";
const V2 = "./api/test/fixtures-plugins/greeting-v2.mjs";

let t: TestApi;
const workers: RunningWorker[] = [];

const startWorkerWith = async (registry: NodeTypeRegistry) => {
  const worker = await startTestWorker(t, { registry });
  workers.push(worker);
  return worker;
};

/** The built-in types plus version 2 of the plugin, as a worker started after the upgrade would load them. */
async function upgradedRegistry(): Promise<NodeTypeRegistry> {
  const registry = new NodeTypeRegistry();
  for (const type of nodeTypes.list()) if (type.type !== "test.greeting") registry.register(type);
  await loadPlugins({ root, env: { OMNIJOURNEY_PLUGINS: V2 }, registry });
  return registry;
}

const journey = {
  name: "Greet after the second visit",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "Visited" } },
    {
      id: "w",
      type: "wait.event",
      position: { x: 0, y: 120 },
      config: { event: "Came Back", timeout: { amount: 1, unit: "day" } },
    },
    { id: "g", type: "test.greeting", position: { x: 0, y: 240 }, config: { text: "Hello" } },
    { id: "x", type: "exit", position: { x: 0, y: 360 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "w" },
    { id: "e2", source: "w", sourceHandle: "received", target: "g" },
    { id: "e3", source: "w", sourceHandle: "timeout", target: "x" },
    { id: "e4", source: "g", target: "x" },
  ],
  settings: { reentry: "never" },
};

beforeAll(async () => {
  // The API validates and publishes with version 1, as it did before the plugin was upgraded.
  await loadPlugins({ root, env: { OMNIJOURNEY_PLUGINS: V1 } });
  t = await startTestApi("plugin-migrations");
});
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await t?.close();
});

describe("node-type versions and migrations", () => {
  it("stamps the current type version on the nodes of a saved draft", async () => {
    const res = await t.api("/api/journeys", { body: journey });
    expect(res.status).toBe(201);
    const saved = (await res.json()) as {
      document: { nodes: { id: string; typeVersion?: number }[] };
    };
    expect(saved.document.nodes.find((n) => n.id === "g")?.typeVersion).toBe(1);
  });

  it("keeps a journey published under version 1 running after the schema changes", async () => {
    const v1Worker = await startWorkerWith(nodeTypes);
    const created = (await (await t.api("/api/journeys", { body: journey })).json()) as {
      id: string;
    };
    expect((await t.api(`/api/journeys/${created.id}/publish`, { method: "POST" })).status).toBe(
      200,
    );
    await t.ingest("/track", { userId: "returning", event: "Visited" });
    await eventually(
      async () =>
        (await t.context.db.enrolments.findOne({ journeyId: created.id, profileId: "returning" }))
          ?.status === "active",
      30_000,
      "the enrolment waiting for the second visit",
    );

    // The plugin is upgraded: the version-1 worker goes, one that knows only version 2 takes over.
    await v1Worker.stop();
    await startWorkerWith(await upgradedRegistry());
    await t.ingest("/track", { userId: "returning", event: "Came Back" });

    const ended = await eventually(
      async () => {
        const e = await t.context.db.enrolments.findOne({
          journeyId: created.id,
          profileId: "returning",
        });
        return e && e.status !== "active" ? e : null;
      },
      60_000,
      "the enrolment to end",
    );
    expect(ended.status).toBe("completed");
    const profile = (await (await t.api("/api/profiles/returning")).json()) as {
      attributes: Record<string, unknown>;
    };
    // Version 2's run, given version 1's `text` migrated to `message`, with version 2's default punctuation.
    expect(profile.attributes.greeting).toBe("Hello! (v2)");
  }, 120_000);
});
