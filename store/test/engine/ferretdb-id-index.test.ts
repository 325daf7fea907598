import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const engines = inject("engines");
let client: MongoClient;
const dbName = `omnij_id_index_${Date.now()}`;

beforeAll(async () => {
  client = await MongoClient.connect(engines.mongoUri);
});

afterAll(async () => {
  await client?.db(dbName).dropDatabase();
  await client?.close();
});

/** The SQLite query plan FerretDB reports for a find (its explain runs SQLite's EXPLAIN QUERY PLAN). */
const sqlitePlan = async (filter: Record<string, unknown>): Promise<string> => {
  const reply = await client
    .db(dbName)
    .command({ explain: { find: "things", filter }, verbosity: "queryPlanner" });
  return JSON.stringify(reply.queryPlanner);
};

describe("the embedded FerretDB's _id lookups (decisions 0006, 0007)", () => {
  it("finds a document by _id through the _id index instead of scanning the table", async () => {
    const things = client.db(dbName).collection<{ _id: string; n: number }>("things");
    await things.insertMany(Array.from({ length: 200 }, (_, n) => ({ _id: `t${n}`, n })));
    const plan = await sqlitePlan({ _id: "t150" });
    expect(plan).toContain("USING INDEX");
    expect(plan).not.toContain("SCAN");
    // Updates and deletes by _id use the same expression; they still find their document.
    await things.updateOne({ _id: "t150" }, { $set: { n: -1 } });
    expect(await things.findOne({ _id: "t150" })).toEqual({ _id: "t150", n: -1 });
    await things.deleteOne({ _id: "t151" });
    expect(await things.countDocuments()).toBe(199);
  });

  it("answers _id $in from the _id index, and still scans (correctly) when a value is not a string or ObjectId", async () => {
    const things = client.db(dbName).collection<{ _id: string | number; n: number }>("things");
    const plan = await sqlitePlan({ _id: { $in: ["t1", "t2", "t199"] } });
    expect(plan).toContain("USING INDEX");
    expect(plan).not.toContain("SCAN");
    const found = await things.find({ _id: { $in: ["t1", "t199", "nope"] } }).toArray();
    expect(found.map((d) => d._id).sort()).toEqual(["t1", "t199"]);
    await things.insertOne({ _id: 7, n: 7 });
    expect(await sqlitePlan({ _id: { $in: ["t1", 7] } })).toContain("SCAN");
    const mixed = await things.find({ _id: { $in: ["t1", 7] } }).toArray();
    expect(mixed.map((d) => d._id).sort()).toEqual([7, "t1"].sort());
    const deleted = await things.deleteMany({ _id: { $in: ["t2", "t3"] } });
    expect(deleted.deletedCount).toBe(2);
  });

  it("applies an update command of 150 statements (one pooled SQLite connection per statement used to hang it)", async () => {
    const many = client.db(dbName).collection<{ _id: string; n: number }>("many");
    await many.insertMany(Array.from({ length: 150 }, (_, n) => ({ _id: `m${n}`, n })));
    const result = await many.bulkWrite(
      Array.from({ length: 150 }, (_, n) => ({
        updateOne: { filter: { _id: `m${n}` }, update: { $set: { n: n * 2 + 1 } } },
      })),
      { ordered: false },
    );
    expect(result.modifiedCount).toBe(150);
    expect(await many.findOne({ _id: "m149" })).toEqual({ _id: "m149", n: 299 });
  }, 60_000);
});
