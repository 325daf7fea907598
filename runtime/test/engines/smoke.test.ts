import { connectStore } from "@omnijourney/store";
import nodemailer from "nodemailer";
import { describe, expect, inject, it } from "vitest";

const engines = inject("engines");

describe("engine smoke chain", () => {
  it("round-trips a document on the MongoDB-wire server and enforces a unique index", async () => {
    const connection = await connectStore(engines.mongoUri, {
      dbName: `omnij_smoke_${Date.now()}`,
      ensureIndexes: false,
    });
    try {
      const things = connection.db.collection<{ key: string; count: number }>("things");
      await things.createIndex({ key: 1 }, { unique: true });
      await things.insertOne({ key: "a", count: 1 });
      const found = await things.findOne({ key: "a" });
      expect(found?.count).toBe(1);
      await expect(things.insertOne({ key: "a", count: 2 })).rejects.toMatchObject({ code: 11000 });
      expect(await things.countDocuments()).toBe(1);
    } finally {
      await connection.db.dropDatabase();
      await connection.close();
    }
  });

  it("sends an email over SMTP with nodemailer and reads it back from the sink", async () => {
    const subject = `Smoke ${Math.random().toString(36).slice(2)}`;
    const transport = nodemailer.createTransport(engines.smtpUrl);
    await transport.sendMail({
      from: "studio@omnijourney.test",
      to: "ada@example.com",
      subject,
      text: "Hello from the smoke test",
    });
    transport.close();
    const inbox = (await (await fetch(`${engines.mailApiUrl}/email`)).json()) as Array<{
      subject: string;
      to: Array<{ address: string }>;
      text: string;
    }>;
    const mail = inbox.find((item) => item.subject === subject);
    expect(mail?.to[0]?.address).toBe("ada@example.com");
    expect(mail?.text).toContain("Hello from the smoke test");
  });
});
