import { randomBytes } from "node:crypto";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker } from "@temporalio/worker";
import {
  compileJourney,
  type JourneyDocumentInput,
  type JourneyEvent,
  type JourneyPlan,
  type NodeTypeRegistry,
} from "@omnijourney/shared";
import { createActivities } from "../../src/activities/index.js";
import { createMongoStore } from "../../src/activities/mongo-store.js";
import { workflowBundle } from "../../src/bundle.js";
import { timeSkippingServerPath } from "../../src/engines/index.js";
import { createProviders, type Providers } from "../../src/providers/factory.js";
import type { ProviderSettingsInput } from "../../src/providers/settings.js";
import type { JourneyResult, JourneyWorkflowInput } from "../../src/workflows/types.js";
import { connectTestDb } from "./mongo.js";
import { newProfile, WORKSPACE_SETTINGS_ID } from "@omnijourney/store";

export const allSandbox: ProviderSettingsInput = {
  email: { provider: "sandbox" },
  sms: { provider: "sandbox" },
  push: { provider: "sandbox" },
  telegram: { provider: "sandbox" },
  whatsapp: { provider: "sandbox" },
  webhook: { provider: "sandbox" },
  inapp: { provider: "sandbox" },
};

/** A time-skipping Temporal server, a worker with the real activities on the embedded engine, and helpers to run journeys. */
export async function createJourneyTestEnv(
  file: string,
  options: {
    providers?: ProviderSettingsInput;
    smtpUrl?: string;
    /** Built-ins plus plugins (`loadPlugins`); defaults to the shared registry. */
    registry?: NodeTypeRegistry;
  } = {},
) {
  const db = await connectTestDb(file);
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: "existing-path", path: await timeSkippingServerPath() } },
  });
  const taskQueue = `test-${file}-${randomBytes(3).toString("hex")}`;
  const providers: Providers = createProviders(
    options.providers ?? allSandbox,
    options.smtpUrl ? { smtpUrl: options.smtpUrl } : {},
  );
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({
      store: createMongoStore(db.models, { settingsTtlMs: 0 }),
      providers,
      ...(options.registry ? { registry: options.registry } : {}),
    }),
  });
  const running = worker.run();
  let counter = 0;

  const compile = (doc: JourneyDocumentInput): JourneyPlan =>
    compileJourney(doc, options.registry ? { registry: options.registry } : {});

  return {
    env,
    db,
    models: db.models,
    taskQueue,
    worker,
    compile,
    async setSettings(settings: Record<string, unknown>) {
      await db.models.settings.replaceOne(
        { _id: WORKSPACE_SETTINGS_ID },
        { ...settings },
        { upsert: true },
      );
    },
    async createProfile(
      profileId: string,
      profile: { attributes?: Record<string, unknown>; consent?: Record<string, unknown> } = {},
    ) {
      // Consent as the test gives it, possibly partial (a missing status reads as "unknown").
      await db.models.raw
        .collection<{ _id: string } & Record<string, unknown>>("profiles")
        .insertOne({
          ...newProfile({ profileId, anonymousIds: [], attributes: profile.attributes ?? {} }),
          consent: profile.consent ?? {},
        });
    },
    /** Starts a journey for a profile; returns the handle. */
    async start(
      plan: JourneyPlan,
      profileId: string,
      opts: { journeyId?: string; event?: JourneyEvent | null } = {},
    ) {
      counter += 1;
      const journeyId = opts.journeyId ?? `j${counter}`;
      const args: JourneyWorkflowInput = {
        plan,
        journeyId,
        version: 1,
        profileId,
        event: opts.event ?? null,
        progressVia: "activity",
      };
      return env.client.workflow.start("journeyWorkflow", {
        taskQueue,
        workflowId: `wf-${journeyId}-${profileId}-${counter}`,
        args: [args],
      });
    },
    async run(
      plan: JourneyPlan,
      profileId: string,
      opts: { journeyId?: string; event?: JourneyEvent | null } = {},
    ): Promise<JourneyResult> {
      const handle = await this.start(plan, profileId, opts);
      return handle.result();
    },
    event(name: string, properties: Record<string, unknown> = {}): JourneyEvent {
      return { event: name, properties, timestamp: new Date().toISOString() };
    },
    async close() {
      worker.shutdown();
      await running;
      await providers.close();
      await env.teardown();
      await db.close();
    },
  };
}

export type JourneyTestEnv = Awaited<ReturnType<typeof createJourneyTestEnv>>;

let nodeCounter = 0;
/** A linear journey document: trigger.manual → nodes in order (each `next` to the following one). */
export function linear(
  name: string,
  nodes: { id?: string; type: string; config?: unknown }[],
  settings: Record<string, unknown> = {},
): JourneyDocumentInput {
  const withIds = [
    { id: "t", type: "trigger.manual", config: {} },
    ...nodes.map((n) => ({ ...n, id: n.id ?? `n${++nodeCounter}` })),
  ];
  return {
    name,
    nodes: withIds.map((n, i) => ({
      id: n.id,
      type: n.type,
      position: { x: 0, y: i * 100 },
      config: n.config ?? {},
    })),
    edges: withIds.slice(1).map((n, i) => ({
      id: `e${i}`,
      source: withIds[i]?.id ?? "t",
      sourceHandle: "next",
      target: n.id,
    })),
    settings,
  };
}
