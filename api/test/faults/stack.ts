/**
 * The stack a fault test runs against: the suite's embedded engines, the API in this process (its own database
 * and task queue, through the suite's `startTestApi`) and a journey worker beside it, with one published journey.
 * Profiles get an address on a domain of the test's own, so the sink's mail can be told apart.
 */
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { startWorker, type RunningWorker, type StartWorkerOptions } from "@omnijourney/runtime";
import { eventually, startTestApi, type TestApi } from "../helpers/api.js";

/** The API, its database with the profiles, and the published journey (no worker yet). */
export type FaultApi = {
  t: TestApi;
  journeyId: string;
  /** Unique to this stack: every address is `<userId>@<domain>`. */
  domain: string;
  users: string[];
};

export type FaultStack = FaultApi & { worker: RunningWorker; close(): Promise<void> };

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
    worker,
    close: async () => {
      await worker.stop();
      await api.t.close();
    },
  };
}
