/**
 * The stack a fault test runs against: the suite's embedded engines, the API in this process (its own database
 * and task queue, through the suite's `startTestApi`) and a journey worker beside it, with one published journey.
 * Profiles get an address on a domain of the test's own, so the sink's mail can be told apart.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { startWorker, writeWorkflowBundle, type StartWorkerOptions } from "@omnijourney/runtime";
import { killHard, startWorkerProcess } from "../../../runtime/test/helpers/worker-process.js";
import { eventually, startTestApi, type TestApi } from "../helpers/api.js";
import { startApiProcess } from "../helpers/api-child.js";

/** The API, its database with the profiles, and the published journey (no worker yet). */
export type FaultApi = {
  t: TestApi;
  journeyId: string;
  /** Unique to this stack: every address is `<userId>@<domain>`. */
  domain: string;
  users: string[];
};

/** A stack to break: `url` is the API the stream is sent to. */
export type FaultStack = FaultApi & { url: string; close(): Promise<void> };

export type FaultStackOptions = {
  /** The published journey document. */
  journey: unknown;
  /** How many profiles to create (each with an email address and a phone). */
  profiles: number;
  worker?: Partial<Pick<StartWorkerOptions, "smtpUrl" | "providerSettings">>;
};

/** Starts the API in this process, creates the profiles and publishes the journey. */
export async function startFaultApi(
  name: string,
  options: Omit<FaultStackOptions, "worker">,
): Promise<FaultApi> {
  const t = await startTestApi(name);
  const domain = `${name.replace(/_/g, "-")}-${randomBytes(3).toString("hex")}.example`;
  const users = Array.from({ length: options.profiles }, (_, i) => `${name}-${i}`);
  const identified = await t.ingest("/batch", {
    batch: users.map((userId, i) => ({
      type: "identify",
      userId,
      traits: { email: `${userId}@${domain}`, phone: `+4915199${String(i).padStart(5, "0")}` },
    })),
  });
  if (identified.status !== 200) throw new Error(`identify answered ${identified.status}`);
  await eventually(
    async () =>
      (await t.context.db.profiles.countDocuments({ profileId: { $in: users } })) === users.length,
    60_000,
    "every profile",
  );
  const created = await t.api("/api/journeys", { body: options.journey });
  const { id } = (await created.json()) as { id: string };
  const published = await t.api(`/api/journeys/${id}/publish`, { method: "POST" });
  if (published.status !== 200)
    throw new Error(`publish answered ${published.status}: ${await published.text()}`);
  return { t, journeyId: id, domain, users };
}

/** `startFaultApi` and a journey worker in this process on the API's task queue. */
export async function startFaultStack(
  name: string,
  options: FaultStackOptions,
): Promise<FaultStack> {
  const engines = inject("engines");
  const api = await startFaultApi(name, options);
  const worker = await startWorker({
    mongoUri: engines.mongoUri,
    mongoDbName: api.t.dbName,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    smtpUrl: engines.smtpUrl,
    taskQueue: api.t.taskQueue,
    handleSignals: false,
    unsubscribeUrl: api.t.links.unsubscribeUrl,
    segmentSweepEvery: "off",
    env: { ...process.env, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent" },
    ...options.worker,
  });
  return {
    ...api,
    url: api.t.url,
    close: async () => {
      await worker.stop();
      await api.t.close();
    },
  };
}

/** The bundle the worker processes of one run share (webpack takes long on a loaded machine), written once. */
export async function workflowBundleOnce(): Promise<string> {
  const port = new URL(`tcp://${inject("engines").temporalAddress}`).port;
  const file = path.join(os.tmpdir(), `omnij-faults-bundle-${port}.js`);
  if (!fs.existsSync(file)) await writeWorkflowBundle(file);
  return file;
}

/**
 * `startFaultApi`, then the API and a journey worker each in a process of its own, as in production: what stalls
 * them cannot stall the test that measures them. The API in this process only reads (its outbox drain stopped).
 */
export async function startProcessStack(
  name: string,
  options: Omit<FaultStackOptions, "worker">,
): Promise<FaultStack & { workerPid: number }> {
  const engines = inject("engines");
  const api = await startFaultApi(name, options);
  await api.t.context.fanout.stop();
  const journal = path.join(os.tmpdir(), `omnij-faults-handover-${api.t.taskQueue}.log`);
  const [child, worker] = await Promise.all([
    // The default lease: a 1.5 s one expires under a loaded engine and the same entries are claimed again and again.
    startApiProcess(api.t.dbName, api.t.taskQueue, 30_000),
    startWorkerProcess({
      MONGODB_URI: engines.mongoUri,
      OMNIJ_DB: api.t.dbName,
      TEMPORAL_ADDRESS: engines.temporalAddress,
      TEMPORAL_NAMESPACE: engines.temporalNamespace,
      SMTP_URL: engines.smtpUrl,
      OMNIJOURNEY_TASK_QUEUE: api.t.taskQueue,
      OMNIJOURNEY_WORKFLOW_BUNDLE: await workflowBundleOnce(),
      OMNIJOURNEY_HANDOVER_JOURNAL: journal,
    }),
  ]);
  return {
    ...api,
    url: child.url,
    workerPid: worker.pid ?? 0,
    close: async () => {
      await killHard(child.proc);
      await killHard(worker);
      await api.t.close();
      for (const file of [journal, `${journal}.1`]) fs.rmSync(file, { force: true });
    },
  };
}
