// No credential reaches a log line or an API response in clear (DESIGN.md "Secrets"): the admin token and the
// write key (right or wrong), cookies, provider signatures and passwords inside URLs. The API runs with the logger
// `npm start` uses, at debug level, and everything it writes is scanned.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@omnijourney/runtime";
import { ADMIN_TOKEN, WRITE_KEY, startTestApi, type TestApi } from "./helpers/api.js";

const SMTP_PASSWORD = "Sm7pPassw0rd-secret";
const WRONG_TOKEN = "wrong-admin-token-4242";
const WRONG_KEY = "wrong-write-key-4242";
const COOKIE = "session=cookie-secret-4242";
const QUERY_TOKEN = "query-token-secret-4242";

const written: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    written.push(chunk.toString());
    done();
  },
});

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("logsecrets", {
    logger: createLogger({ name: "omnijourney-api", level: "debug" }, sink),
  });
});
afterAll(async () => {
  await t?.close();
});

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
const secrets = [
  ADMIN_TOKEN,
  WRITE_KEY,
  basic(WRITE_KEY).slice("Basic ".length),
  WRONG_TOKEN,
  WRONG_KEY,
  basic(WRONG_KEY).slice("Basic ".length),
  "cookie-secret-4242",
  SMTP_PASSWORD,
  QUERY_TOKEN,
];

describe("credentials stay out of logs and responses", () => {
  it("masks the SMTP password inside the provider URL in GET /api/settings", async () => {
    const put = await t.api("/api/settings", {
      method: "PUT",
      body: {
        providers: {
          email: { provider: "smtp", url: `smtp://mailer:${SMTP_PASSWORD}@mail.example.com:587` },
        },
      },
    });
    expect(put.status).toBe(200);
    const shown = JSON.stringify(await put.json());
    expect(shown).not.toContain(SMTP_PASSWORD);
    const got = await t.api("/api/settings");
    const body = (await got.json()) as { providers: { email?: { url?: string } } };
    expect(body.providers.email?.url).toMatch(/^smtp:\/\/•+@mail\.example\.com:587$/);
  });

  it("keeps the stored SMTP password when the masked URL is sent back", async () => {
    const shown = (await (await t.api("/api/settings")).json()) as {
      providers: { email: Record<string, unknown> };
    };
    const put = await t.api("/api/settings", {
      method: "PUT",
      body: { providers: { email: shown.providers.email } },
    });
    expect(put.status).toBe(200);
    const stored = await t.context.db.settings.findOne({});
    expect(JSON.stringify(stored)).toContain(SMTP_PASSWORD);
  });

  it("writes request log lines with every credential masked, right or wrong", async () => {
    await t.api("/api/journeys", { headers: { cookie: COOKIE } });
    await fetch(`${t.url}/api/journeys`, { headers: { authorization: `Bearer ${WRONG_TOKEN}` } });
    await t.ingest("/track", { userId: "log-1", event: "Logged" });
    await fetch(`${t.url}/v1/track`, {
      method: "POST",
      headers: { authorization: basic(WRONG_KEY), "content-type": "application/json" },
      body: JSON.stringify({ userId: "log-2", event: "Refused" }),
    });
    await fetch(`${t.url}/unsubscribe?token=${QUERY_TOKEN}`);
    await fetch(`${t.url}/webhooks/whatsapp`, {
      method: "POST",
      headers: {
        "x-hub-signature-256": `sha256=${QUERY_TOKEN}`,
        "content-type": "application/json",
      },
      body: "{}",
    });

    const log = written.join("");
    // The scan is only worth something if the requests were logged at all.
    expect(log).toContain("/api/journeys");
    expect(log).toContain("/v1/track");
    expect(log).toContain("/unsubscribe");
    for (const secret of secrets) expect(log, `a log line holds ${secret}`).not.toContain(secret);
  });
});
