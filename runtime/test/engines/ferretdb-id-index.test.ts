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

describe("the embedded FerretDB's _id lookups (decision 0006)", () => {
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
});
