import { fileURLToPath } from "node:url";
import { Client, Connection } from "@temporalio/client";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { NativeConnection, Worker } from "@temporalio/worker";
import { describe, expect, inject, it } from "vitest";
import { timeSkippingServerPath } from "../../src/engines/index.js";
import { createSmokeActivities } from "./fixtures/smoke-activities.js";

const engines = inject("engines");
const workflowsPath = fileURLToPath(new URL("./fixtures/smoke-workflows.ts", import.meta.url));

describe("Temporal engines", () => {
  it("runs a workflow that calls an activity on the dev server", async () => {
    const taskQueue = `smoke-${Date.now()}`;
    const connection = await NativeConnection.connect({ address: engines.temporalAddress });
    const worker = await Worker.create({
      connection,
      namespace: engines.temporalNamespace,
      taskQueue,
      workflowsPath,
      activities: createSmokeActivities(),
    });
    const clientConnection = await Connection.connect({ address: engines.temporalAddress });
    const client = new Client({
      connection: clientConnection,
      namespace: engines.temporalNamespace,
    });
    try {
      const result = await worker.runUntil(
        client.workflow.execute("greetingWorkflow", {
          taskQueue,
          workflowId: `smoke-${taskQueue}`,
          args: ["Ada"],
        }),
      );
      expect(result).toBe(`Hello, Ada (from pid ${process.pid})`);
    } finally {
      await clientConnection.close();
      await connection.close();
    }
  });

  it("finishes a workflow that sleeps 3 days in seconds on the time-skipping server", async () => {
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: "existing-path", path: await timeSkippingServerPath() } },
    });
    try {
      const taskQueue = "smoke-sleep";
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowsPath,
        activities: createSmokeActivities(),
      });
      const started = Date.now();
      const result = await worker.runUntil(
        env.client.workflow.execute("sleepThreeDaysWorkflow", {
          taskQueue,
          workflowId: "sleep-3-days",
        }),
      );
      expect(result).toBe("woke up");
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await env.teardown();
    }
  });
});
