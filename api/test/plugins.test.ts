import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlugins, type RunningWorker } from "@omnijourney/runtime";
import type { JourneyStats, ProfileDetail } from "@omnijourney/shared";
import { eventually, startTestApi, startTestWorker, type TestApi } from "./helpers/api.js";

// The two example plugins and a failing one, loaded by configuration alone, in a real journey on the real stack.
const root = path.resolve(import.meta.dirname, "../..");
const PLUGINS = [
  "./plugins/example-slack/index.mjs",
  "./plugins/example-lead-score/index.mjs",
  "./api/test/fixtures-plugins/always-throws.mjs",
  "./api/test/fixtures-plugins/misbehaving.mjs",
].join(",");

type Received = { path: string; contentType: string | undefined; body: unknown };
/** A local server on 127.0.0.1 answering every POST with `answer(body)`; records what it received. */
async function startReceiver(answer: (body: unknown) => { status: number; body: string }) {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      received.push({ path: req.url ?? "", contentType: req.headers["content-type"], body });
      const reply = answer(body);
      res.writeHead(reply.status, { "content-type": "text/plain" }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // listen() on a TCP port yields an AddressInfo.
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let t: TestApi;
let worker: RunningWorker;
let slack: Awaited<ReturnType<typeof startReceiver>>;
let scoring: Awaited<ReturnType<typeof startReceiver>>;
const allowedBefore = process.env.OMNIJOURNEY_ALLOWED_HOSTS;

beforeAll(async () => {
  // Slack's incoming-webhook API: POST JSON with `text`, answered with the plain text "ok".
  slack = await startReceiver((body) =>
    typeof body === "object" && body !== null && "text" in body
      ? { status: 200, body: "ok" }
      : { status: 400, body: "invalid_payload" },
  );
  scoring = await startReceiver((body) => {
    const company = JSON.stringify(body).includes("Acme");
    return { status: 200, body: JSON.stringify({ score: company ? 80 : 10 }) };
  });
  process.env.OMNIJOURNEY_ALLOWED_HOSTS = `${slack.hostPort},${scoring.hostPort}`;
  const registry = await loadPlugins({ root, env: { OMNIJOURNEY_PLUGINS: PLUGINS } });
  t = await startTestApi("plugins");
  worker = await startTestWorker(t, { registry });
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
  await slack?.close();
  await scoring?.close();
  process.env.OMNIJOURNEY_ALLOWED_HOSTS = allowedBefore;
});

const leadJourney = (event: string) => ({
  name: "Score new leads",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event } },
    {
      id: "score",
      type: "example.lead_score",
      position: { x: 0, y: 120 },
      config: { endpoint: `${scoring.url}/score`, threshold: 50 },
    },
    {
      id: "notify",
      type: "example.slack",
      position: { x: 0, y: 240 },
      config: { text: "Hot lead: {{ profile.id }} at {{ profile.company }}" },
    },
    { id: "x", type: "exit", position: { x: 0, y: 360 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "score" },
    { id: "e2", source: "score", sourceHandle: "hot", target: "notify" },
    { id: "e3", source: "score", sourceHandle: "cold", target: "x" },
    { id: "e4", source: "notify", sourceHandle: "next", target: "x" },
    { id: "e5", source: "notify", sourceHandle: "failed", target: "x" },
  ],
  settings: { reentry: "never" },
});

const publish = async (doc: object): Promise<string> => {
  const created = (await (await t.api("/api/journeys", { body: doc })).json()) as { id: string };
  expect((await t.api(`/api/journeys/${created.id}/publish`, { method: "POST" })).status).toBe(200);
  return created.id;
};
const enrolmentEnded = (journeyId: string, profileId: string) =>
  eventually(
    async () => {
      const e = await t.context.db.enrolments.findOne({ journeyId, profileId });
      return e && e.status !== "active" ? e : null;
    },
    60_000,
    `the enrolment of ${profileId}`,
  );

describe("plugins loaded by configuration", () => {
  it("serves the plugin types in /api/node-types with their schemas, and validates with them", async () => {
    const { items } = (await (await t.api("/api/node-types")).json()) as {
      items: { type: string; outputs: string[] | null; icon: string }[];
    };
    expect(items.find((i) => i.type === "example.slack")).toMatchObject({
      outputs: ["next", "failed"],
      icon: "slack",
    });
    expect(items.find((i) => i.type === "example.lead_score")?.outputs).toEqual(["hot", "cold"]);
    const invalid = leadJourney("x");
    invalid.nodes[1] = { ...invalid.nodes[1]!, config: { endpoint: "not a url", threshold: 50 } };
    const res = await t.api("/api/journeys/validate", { body: invalid });
    const text = await res.text();
    expect(text).toContain("invalid_config");
  });

  it("opens a draft written for version 1 of a plugin migrated to its current version", async () => {
    const doc = leadJourney("Lead Migrated");
    const v1 = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === "notify" ? { ...n, typeVersion: 1, config: { text: "Hot lead: {profileId}" } } : n,
      ),
    };
    const created = (await (await t.api("/api/journeys", { body: v1 })).json()) as { id: string };
    const opened = (await (await t.api(`/api/journeys/${created.id}`)).json()) as {
      document: { nodes: { id: string; typeVersion?: number; config: unknown }[] };
    };
    expect(opened.document.nodes.find((n) => n.id === "notify")).toMatchObject({
      typeVersion: 2,
      config: { text: "Hot lead: {{ profile.id }}" },
    });
  });

  it("scores a lead, writes the score to the profile, branches hot and posts to Slack", async () => {
    const settings = await t.api("/api/settings", {
      method: "PUT",
      body: { secrets: { SLACK_WEBHOOK_URL: `${slack.url}/services/T000/B000/XXXX` } },
    });
    expect(((await settings.json()) as { secrets: unknown }).secrets).toEqual({
      SLACK_WEBHOOK_URL: "••••••••",
    });
    const journeyId = await publish(leadJourney("Lead Created"));
    await t.ingest("/identify", { userId: "lead-hot", traits: { company: "Acme" } });
    await t.ingest("/identify", { userId: "lead-cold", traits: { company: "Tiny" } });
    await t.ingest("/track", { userId: "lead-hot", event: "Lead Created" });
    await t.ingest("/track", { userId: "lead-cold", event: "Lead Created" });

    expect((await enrolmentEnded(journeyId, "lead-hot")).status).toBe("completed");
    expect((await enrolmentEnded(journeyId, "lead-cold")).status).toBe("completed");
    expect(slack.received).toHaveLength(1);
    expect(slack.received[0]).toMatchObject({
      path: "/services/T000/B000/XXXX",
      contentType: "application/json",
      body: { text: "Hot lead: lead-hot at Acme" },
    });
    expect(scoring.received.map((r) => r.path)).toEqual(["/score", "/score"]);
    const attributes = async (id: string) =>
      ((await (await t.api(`/api/profiles/${id}`)).json()) as { attributes: object }).attributes;
    expect(await attributes("lead-hot")).toMatchObject({ leadScore: 80 });
    expect(await attributes("lead-cold")).toMatchObject({ leadScore: 10 });
  }, 120_000);

  it("fails the enrolment with the reason when a run keeps throwing, and keeps serving other journeys", async () => {
    const failing = await publish({
      name: "Always throws",
      nodes: [
        { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "Boom" } },
        { id: "b", type: "test.always_throws", position: { x: 0, y: 120 }, config: {} },
        { id: "x", type: "exit", position: { x: 0, y: 240 }, config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "b" },
        { id: "e2", source: "b", target: "x" },
      ],
    });
    await t.ingest("/track", { userId: "boom-1", event: "Boom" });
    const ended = await enrolmentEnded(failing, "boom-1");
    expect(ended.status).toBe("failed");
    expect(ended.reason).toContain("the upstream is down");
    // Visible: a failed count on the step, and the reason on the profile's journey entry.
    const stats = (await (await t.api(`/api/journeys/${failing}/stats`)).json()) as JourneyStats;
    expect(stats.nodes.b).toMatchObject({ entered: 1, failed: 1 });
    expect(stats.nodes.t).toMatchObject({ entered: 1, failed: 0 });
    const profile = (await (await t.api("/api/profiles/boom-1")).json()) as ProfileDetail;
    const entry = profile.timeline.find((e) => e.kind === "enrolment" && e.journeyId === failing);
    expect(entry).toMatchObject({
      status: "failed",
      reason: expect.stringContaining("the upstream is down"),
    });

    const other = await publish(leadJourney("Lead Again"));
    await t.ingest("/identify", { userId: "lead-later", traits: { company: "Acme" } });
    await t.ingest("/track", { userId: "lead-later", event: "Lead Again" });
    expect((await enrolmentEnded(other, "lead-later")).status).toBe("completed");
  }, 120_000);

  it("gives up on a run that hangs past its timeout (failed port) or answers an unknown port (failed enrolment)", async () => {
    // A hanging step has a `failed` port to take; the unknown-port type has none, so its enrolment fails.
    const oneStep = (name: string, type: string, event: string) => {
      const failedPort = type === "test.hangs";
      return {
        name,
        nodes: [
          { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event } },
          { id: "s", type, position: { x: 0, y: 120 }, config: {} },
          { id: "ok", type: "exit", position: { x: 0, y: 240 }, config: {} },
          ...(failedPort
            ? [{ id: "gave-up", type: "exit", position: { x: 200, y: 240 }, config: {} }]
            : []),
        ],
        edges: [
          { id: "e1", source: "t", target: "s" },
          { id: "e2", source: "s", sourceHandle: "next", target: "ok" },
          ...(failedPort
            ? [{ id: "e3", source: "s", sourceHandle: "failed", target: "gave-up" }]
            : []),
        ],
      };
    };
    const hanging = await publish(oneStep("Hangs", "test.hangs", "Hang"));
    const unknownPort = await publish(oneStep("Unknown port", "test.unknown_port", "Sideways"));
    await t.ingest("/track", { userId: "hang-1", event: "Hang" });
    await t.ingest("/track", { userId: "sideways-1", event: "Sideways" });

    const hung = await enrolmentEnded(hanging, "hang-1");
    expect(hung.status).toBe("completed");
    expect(hung.currentNodeId).toBe("gave-up");
    const hangStats = (await (
      await t.api(`/api/journeys/${hanging}/stats`)
    ).json()) as JourneyStats;
    expect(hangStats.nodes.s).toMatchObject({ failed: 1, ports: { failed: 1 } });
    const sideways = await enrolmentEnded(unknownPort, "sideways-1");
    expect(sideways.status).toBe("failed");
    expect(sideways.reason).toContain('unknown port "sideways"');
  }, 120_000);
});
