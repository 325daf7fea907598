/**
 * The Enrolment projection and node counters as the Mongo store writes them (on the embedded engine): one write by
 * `_id` per batch, a retried batch counted once, a late batch never taking the sequence back, the end
 * removing the enrolment from its profile's running list.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createMongoStore } from "../src/activities/mongo-store.js";
import type { EnrolmentRef, ProgressBatch, ProgressOp } from "../src/workflows/types.js";
import { connectTestDb } from "./helpers/mongo.js";

const db = await connectTestDb("progress_store");
const { models } = db;
afterAll(() => db.close());

const store = createMongoStore(models);
const at = "2026-11-24T10:00:00.000Z";

function enrolmentOf(name: string): EnrolmentRef {
  const workflowId = `journey:j-progress:profile:${name}`;
  return {
    journeyId: "j-progress",
    version: 1,
    profileId: name,
    workflowId,
    enrolmentId: `${workflowId}/run-1`,
  };
}

const batch = (enrolment: EnrolmentRef, seq: number, ops: ProgressOp[]): ProgressBatch => ({
  enrolment,
  seq,
  ops,
  startedAt: at,
});

const counts = async (nodeId: string) =>
  models.nodeStats.findOne({ _id: `j-progress:${nodeId}` as never }); // why: string ids on an ObjectId-typed collection

describe("recordProgress on the embedded engine", () => {
  it("creates the projection from the first batch and counts each node once when the batch is retried", async () => {
    const enrolment = enrolmentOf("p-retry");
    const first = batch(enrolment, 1, [
      { op: "enter", nodeId: "a", at },
      { op: "leave", nodeId: "a", port: "next" },
      { op: "enter", nodeId: "b", at },
    ]);
    await store.recordProgress(first);
    const enteredBefore = (await counts("b"))?.entered;
    await store.recordProgress(first); // the activity attempt is retried after the write landed
    const doc = await models.enrolments.findOne({ _id: enrolment.enrolmentId });
    expect(doc).toMatchObject({
      status: "active",
      currentNodeId: "b",
      progressSeq: 1,
      journeyId: "j-progress",
      profileId: "p-retry",
      workflowId: enrolment.workflowId,
    });
    expect(enteredBefore).toBe(1);
    expect(await counts("a")).toMatchObject({
      entered: 1,
      active: 0,
      completed: 1,
      ports: { next: 1 },
    });
    expect(await counts("b")).toMatchObject({ entered: 1, active: 1 });
  });

  it("applies a batch to the document the API's enrol created first", async () => {
    const enrolment = enrolmentOf("p-enrolled");
    await models.enrolments.updateOne(
      { _id: enrolment.enrolmentId },
      {
        $setOnInsert: {
          enrolmentId: enrolment.enrolmentId,
          workflowId: enrolment.workflowId,
          journeyId: enrolment.journeyId,
          version: 1,
          profileId: enrolment.profileId,
          status: "active",
          currentNodeId: "a",
          startedAt: new Date(at),
        },
      },
      { upsert: true },
    );
    await store.recordProgress(
      batch(enrolment, 1, [
        { op: "enter", nodeId: "a", at },
        { op: "leave", nodeId: "a", port: "next" },
        { op: "enter", nodeId: "c", at },
        { op: "variant", nodeId: "c", variant: "B" },
      ]),
    );
    expect(await models.enrolments.findOne({ _id: enrolment.enrolmentId })).toMatchObject({
      currentNodeId: "c",
      progressSeq: 1,
      variants: { c: "B" },
    });
    expect(await counts("c")).toMatchObject({ entered: 1, active: 1 });
  });

  it("keeps the later sequence and counts nothing when an older batch lands after a newer one", async () => {
    const enrolment = enrolmentOf("p-late");
    const older = batch(enrolment, 1, [{ op: "enter", nodeId: "d", at }]);
    await store.recordProgress(older);
    await store.recordProgress(
      batch(enrolment, 2, [
        { op: "leave", nodeId: "d", port: "next" },
        { op: "enter", nodeId: "e", at },
      ]),
    );
    await store.recordProgress(older);
    expect((await models.enrolments.findOne({ _id: enrolment.enrolmentId }))?.progressSeq).toBe(2);
    expect(await counts("d")).toMatchObject({ entered: 1, active: 0, completed: 1 });
  });

  it("counts a batch whose counter write failed once its retry comes to the same process", async () => {
    const enrolment = enrolmentOf("p-counter-fails");
    const first = batch(enrolment, 1, [{ op: "enter", nodeId: "f", at }]);
    const collection = models.nodeStats;
    const realUpdate = collection.updateOne.bind(collection);
    // Fault injection: the database refuses the first counter write (as the embedded engine's busy answer can, store's engine/retry.ts).
    collection.updateOne = (() => {
      collection.updateOne = realUpdate;
      return Promise.reject(new Error("SQLITE_BUSY"));
    }) as typeof collection.updateOne; // why: a stand-in with the method's type for one call
    await expect(store.recordProgress(first)).rejects.toThrow("SQLITE_BUSY");
    expect((await models.enrolments.findOne({ _id: enrolment.enrolmentId }))?.progressSeq).toBe(1);
    await store.recordProgress(first);
    await store.recordProgress(first);
    expect(await counts("f")).toMatchObject({ entered: 1, active: 1 });
  });

  it("ends the enrolment and takes it off its profile's running list, also when the end batch is retried", async () => {
    const enrolment = enrolmentOf("p-end");
    await models.profileJourneys.updateOne(
      { _id: enrolment.profileId },
      { $set: { active: [enrolment.workflowId, "journey:other:profile:p-end"] } },
      { upsert: true },
    );
    const end = batch(enrolment, 1, [
      { op: "enter", nodeId: "x", at },
      { op: "leave", nodeId: "x", port: null },
      { op: "end", status: "completed", at },
    ]);
    await store.recordProgress(end);
    // Another enrolment of the profile re-added it meanwhile (as a racing enrol could); the retry removes it again.
    await models.profileJourneys.updateOne(
      { _id: enrolment.profileId },
      { $addToSet: { active: enrolment.workflowId } },
    );
    await store.recordProgress(end);
    const doc = await models.enrolments.findOne({ _id: enrolment.enrolmentId });
    expect(doc).toMatchObject({ status: "completed", progressSeq: 1, waitingFor: null });
    expect(doc?.endedAt?.toISOString()).toBe(at);
    expect((await models.profileJourneys.findOne({ _id: enrolment.profileId }))?.active).toEqual([
      "journey:other:profile:p-end",
    ]);
    expect(await counts("x")).toMatchObject({ entered: 1, active: 0, completed: 1 });
  });
});
