import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProfilePage } from "@omnijourney/shared";
import { ObjectId } from "@omnijourney/store";
import { eventually, startTestApi, type TestApi } from "./helpers/api.js";
import { json } from "./helpers/json.js";

let t: TestApi;
let proSegment = "";

const people = [
  {
    userId: "s-ada",
    traits: { email: "ada@corp.example", firstName: "Ada", plan: "pro", seats: 5 },
  },
  {
    userId: "s-bob",
    traits: { email: "bob@home.example", firstName: "Bob", plan: "free", seats: 1 },
  },
  {
    userId: "s-eve",
    traits: {
      email: "eve@corp.example",
      firstName: 'Eve "E", Jr.\nline',
      plan: "pro",
      seats: 2,
      note: "=SUM(A1)",
    },
  },
];

beforeAll(async () => {
  t = await startTestApi("search_export");
  for (const p of people) await t.ingest("/identify", p);
  await eventually(async () => (await t.api("/api/profiles/s-eve")).status === 200);
  const segment = await json(
    await t.api("/api/segments", {
      body: { name: "Pro plan", condition: { all: [{ attr: "plan", op: "eq", value: "pro" }] } },
    }),
  );
  proSegment = String(segment.id);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const ids = async (query: string) => {
  const res = await t.api(`/api/profiles?${query}`);
  expect(res.status, query).toBe(200);
  return ProfilePage.parse(await res.json())
    .items.map((p) => p.profileId)
    .sort();
};

describe("profile search by attribute and segment", () => {
  it("finds profiles by an attribute test: plan is pro, email contains, seats more than", async () => {
    expect(await ids("attr=plan&op=eq&value=pro")).toEqual(["s-ada", "s-eve"]);
    expect(await ids("attr=plan&op=neq&value=pro")).toEqual(["s-bob"]);
    expect(await ids(`attr=email&op=contains&value=${encodeURIComponent("@corp.")}`)).toEqual([
      "s-ada",
      "s-eve",
    ]);
    expect(await ids("attr=seats&op=gt&value=1")).toEqual(["s-ada", "s-eve"]);
    expect(await ids("attr=seats&value=5")).toEqual(["s-ada"]);
    expect(await ids("attr=note&op=exists")).toEqual(["s-eve"]);
  });

  it("finds a segment's members, combined with the text search and the attribute test", async () => {
    expect(await ids(`segmentId=${proSegment}`)).toEqual(["s-ada", "s-eve"]);
    expect(await ids(`segmentId=${proSegment}&query=ev`)).toEqual(["s-eve"]);
    expect(await ids(`segmentId=${proSegment}&attr=seats&op=gte&value=5`)).toEqual(["s-ada"]);
  });

  it("pages through a filtered search with the cursor", async () => {
    const first = ProfilePage.parse(
      await (await t.api("/api/profiles?attr=plan&value=pro&limit=1")).json(),
    );
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = ProfilePage.parse(
      await (
        await t.api(`/api/profiles?attr=plan&value=pro&limit=1&cursor=${first.nextCursor ?? ""}`)
      ).json(),
    );
    expect([...first.items, ...second.items].map((p) => p.profileId).sort()).toEqual([
      "s-ada",
      "s-eve",
    ]);
  });

  it("answers bad filters with a 400 naming the field", async () => {
    const fields = async (query: string) =>
      (await json(await t.api(`/api/profiles?${query}`))).error?.details.fields;
    expect(await fields("value=pro")).toEqual(["query.attr"]);
    expect(await fields("attr=plan&op=eq")).toEqual(["query.value"]);
    expect(await fields("attr=plan&op=like&value=x")).toEqual(["query.op"]);
    expect(await fields("attr=a..b&value=x")).toEqual(["query.attr"]);
    expect(await fields("segmentId=s_nothing")).toEqual(["query.segmentId"]);
  });
});

/** The CSV's lines (CRLF-separated; a quoted field may hold a bare LF). */
const csvLines = async (res: Response) => {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/csv");
  const bytes = Buffer.from(await res.arrayBuffer());
  // A UTF-8 byte-order mark first (fetch's text() would drop it), so spreadsheets read the file as UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = `\ufeff${bytes.subarray(3).toString("utf8")}`;
  return text
    .slice(1)
    .split("\r\n")
    .filter((line) => line !== "");
};

describe("CSV exports", () => {
  it("exports a segment's members with RFC 4180 quoting and formula cells defused", async () => {
    const res = await t.api(`/api/segments/${proSegment}/export.csv`);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="pro-plan.csv"');
    const lines = await csvLines(res);
    expect(lines[0]).toBe(
      "Profile id,User id,Email,Phone,First name,Last name,Created,Updated,Other attributes",
    );
    expect(lines).toHaveLength(3);
    const eve = lines.find((l) => l.startsWith("s-eve,"));
    const match =
      /^s-eve,s-eve,eve@corp\.example,,"Eve ""E"", Jr\.\nline",,\d{4}-[^,]+Z,\d{4}-[^,]+Z,"(\{.*\})"$/.exec(
        eve ?? "",
      );
    expect(match, eve).not.toBeNull();
    // The other attributes as JSON, its quotes doubled, the formula defused only where it starts a cell.
    expect(JSON.parse((match?.[1] ?? "").replace(/""/g, '"'))).toEqual({
      plan: "pro",
      seats: 2,
      note: "=SUM(A1)",
    });
    expect(lines.some((l) => l.startsWith("s-bob,"))).toBe(false);
  });

  it("exports the message log filtered like the list, without the rendered content", async () => {
    for (const [channel, profileId] of [
      ["email", "s-ada"],
      ["sms", "s-bob"],
      ["email", "s-eve"],
    ] as const) {
      const _id = new ObjectId();
      await t.context.db.raw.collection("messages").insertOne({
        _id,
        idempotencyKey: `k-${_id.toHexString()}`,
        profileId,
        channel,
        category: "marketing",
        status: "sent",
        content: { subject: "SECRET-CONTENT" },
        cost: 0.25,
        currency: "EUR",
        journeyId: "j-x",
        nodeId: "m1",
        createdAt: new Date(),
      });
    }
    const all = await csvLines(await t.api("/api/messages/export.csv"));
    expect(all[0]).toBe(
      "Message id,Created,Channel,Status,Reason,Journey id,Step id,Profile id,Category,Cost,Currency,Sent",
    );
    expect(all).toHaveLength(4);
    expect(all.join("\n")).not.toContain("SECRET-CONTENT");
    const email = await csvLines(await t.api("/api/messages/export.csv?channel=email"));
    expect(
      email
        .slice(1)
        .map((l) => l.split(",")[7])
        .sort(),
    ).toEqual(["s-ada", "s-eve"]);
    expect(email[1]).toMatch(
      /^[0-9a-f]{24},\d{4}-[^,]+Z,email,sent,,j-x,m1,s-e?[a-z]+,marketing,0\.25,EUR,$/,
    );
    const bad = await json(await t.api("/api/messages/export.csv?channel=fax"));
    expect(bad.error?.details.fields).toEqual(["query.channel"]);
  });

  it("answers an unknown segment's export with a 404 in the one error shape", async () => {
    const res = await t.api("/api/segments/s_nothing/export.csv");
    expect(res.status).toBe(404);
    expect((await json(res)).error?.code).toBe("not_found");
  });
});
