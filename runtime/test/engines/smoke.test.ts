import mongoose from "mongoose";
import nodemailer from "nodemailer";
import { describe, expect, inject, it } from "vitest";

const engines = inject("engines");

describe("engine smoke chain", () => {
  it("round-trips a mongoose model on the MongoDB-wire server and enforces a unique index", async () => {
    const connection = await mongoose
      .createConnection(engines.mongoUri, { dbName: `omnij_smoke_${Date.now()}` })
      .asPromise();
    try {
      const Thing = connection.model(
        "Thing",
        new mongoose.Schema({ key: { type: String, unique: true }, count: Number }),
      );
      await Thing.init();
      await Thing.create({ key: "a", count: 1 });
      const found = await Thing.findOne({ key: "a" }).lean();
      expect(found?.count).toBe(1);
      await expect(Thing.create({ key: "a", count: 2 })).rejects.toMatchObject({ code: 11000 });
      expect(await Thing.countDocuments()).toBe(1);
    } finally {
      await connection.dropDatabase();
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
