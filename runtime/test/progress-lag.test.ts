/**
 * When the journey workflow writes its Enrolment projection and node counts (docs/runtime.md, "the live
 * view's allowed lag"): a journey that runs through within the lag is written once, at its end; progress
 * rides on the activity before a wait of at least the lag, so the view shows the enrolment during it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJourneyTestEnv, linear, type JourneyTestEnv } from "./helpers/journey-env.js";
import { eventually } from "./helpers/wait.js";
import { stateQuery } from "../src/workflows/signals.js";

let t: JourneyTestEnv;
beforeAll(async () => {
  t = await createJourneyTestEnv("progress_lag");
  await t.setSettings({ quietHours: { enabled: false }, frequencyCap: { enabled: false } });
});
afterAll(() => t?.close());

const email = { subject: "Hi {{ profile.firstName }}", body: "<p>Hello</p>" };
const emailThenWait = (name: string, seconds: number) =>
  t.compile(
    linear(name, [
      { id: "m", type: "message.email", config: email },
      { id: "w", type: "wait.duration", config: { amount: seconds, unit: "second" } },
      { id: "x", type: "exit" },
    ]),
  );
const stat = (journeyId: string, nodeId: string) =>
  t.models.nodeStats.findOne({ journeyId, nodeId });

describe("progress batches and the live view's lag (time-skipping)", () => {
  it("writes a journey that runs through within the lag once, at its end, with every count", async () => {
    await t.createProfile("p-fast", { attributes: { email: "fast@example.com", firstName: "F" } });
    const handle = await t.start(emailThenWait("fast", 1), "p-fast", { journeyId: "j-fast" });
    expect((await handle.result()).outcome).toBe("completed");
    const enrolment = await t.models.enrolments.findOne({ workflowId: handle.workflowId });
    expect(enrolment).toMatchObject({ status: "completed", currentNodeId: "x", progressSeq: 1 });
    for (const nodeId of ["t", "m", "w", "x"])
      expect(await stat("j-fast", nodeId)).toMatchObject({ entered: 1, active: 0, completed: 1 });
  });

  it("shows the enrolment at the email node while it waits a few seconds after the send", async () => {
    await t.createProfile("p-slow", { attributes: { email: "slow@example.com", firstName: "S" } });
    const handle = await t.start(emailThenWait("slow", 30), "p-slow", { journeyId: "j-slow" });
    // Queries do not skip time: the workflow is inside its 30 s wait now.
    await eventually(async () => (await handle.query(stateQuery)).currentNodeId === "w", {
      what: "the enrolment to reach the wait",
    });
    expect(await stat("j-slow", "m")).toMatchObject({ entered: 1, active: 1 });
    expect(await t.models.enrolments.findOne({ workflowId: handle.workflowId })).toMatchObject({
      status: "active",
      currentNodeId: "m",
      progressSeq: 1,
    });
    expect((await handle.result()).outcome).toBe("completed");
    expect(await t.models.enrolments.findOne({ workflowId: handle.workflowId })).toMatchObject({
      status: "completed",
      currentNodeId: "x",
      progressSeq: 2,
    });
    expect(await stat("j-slow", "m")).toMatchObject({ entered: 1, active: 0, completed: 1 });
    expect(await stat("j-slow", "w")).toMatchObject({ entered: 1, active: 0, completed: 1 });
  });
});
