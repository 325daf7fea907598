import http from "node:http";
import { describe, expect, it } from "vitest";
import { WRITE_KEY, startTestApi } from "./helpers/api.js";

type Answer = { status: number; body: string } | { error: string };

/**
 * Starts `POST /v1/track` and sends only the first half of its body, so the request is in flight until
 * `finish()` sends the rest.
 */
const halfSentTrack = (url: string) => {
  const body = JSON.stringify({ userId: "draining-user", event: "Sent While Stopping" });
  const request = http.request(`${url}/v1/track`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`,
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    },
  });
  const answer = new Promise<Answer>((resolve) => {
    request.on("response", (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    request.on("error", (error) => resolve({ error: error.message }));
  });
  const half = Math.floor(body.length / 2);
  request.write(body.slice(0, half));
  return { answer, finish: () => request.end(body.slice(half)) };
};

/** Gives the server time to take the connection and the half body (nothing observable to await from outside). */
const settle = () => new Promise((r) => setTimeout(r, 200));

describe("stopping the API", () => {
  it("lets a request in flight finish with 200 and refuses new connections meanwhile", async () => {
    const t = await startTestApi("drain");
    const inFlight = halfSentTrack(t.url);
    await settle();
    const closing = t.close();
    await settle();
    await expect(fetch(`${t.url}/health`)).rejects.toThrow();
    inFlight.finish();
    expect(await inFlight.answer).toMatchObject({ status: 200 });
    await closing;
  });

  it("cuts a request that does not finish within the grace period", async () => {
    const t = await startTestApi("drain_bound", { shutdownGraceMs: 300 });
    const stuck = halfSentTrack(t.url);
    await settle();
    const started = Date.now();
    await t.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await stuck.answer).toHaveProperty("error");
  });
});
