import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpService } from "../../src/activities/plugin-services.js";
import { OutboundBlockedError } from "../../src/net/outbound-guard.js";
import { startFakeServer, type FakeServer } from "../providers/fake-server.js";

let server: FakeServer;
beforeAll(async () => {
  // startFakeServer allow-lists its own 127.0.0.1 port for the guard.
  server = await startFakeServer((request) =>
    request.path === "/big"
      ? { status: 200, body: "x".repeat(2_000) }
      : request.path === "/slow"
        ? "hang"
        : { status: 201, body: { echoed: request.text } },
  );
});
afterAll(() => server.close());

describe("services.http", () => {
  it("is fetch-shaped: posts the body and resolves to a Response", async () => {
    const http = createHttpService({ timeoutMs: 2_000, maxResponseBytes: 1_000 });
    const response = await http(`${server.url}/echo`, { method: "POST", body: "hi" });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ echoed: "hi" });
  });

  it("refuses addresses the outbound guard refuses, before connecting", async () => {
    const http = createHttpService();
    await expect(http("http://169.254.169.254/latest/meta-data/")).rejects.toBeInstanceOf(
      OutboundBlockedError,
    );
    await expect(http("http://127.0.0.1:65000/")).rejects.toBeInstanceOf(OutboundBlockedError);
  });

  it("fails a response larger than the cap, and a call slower than the timeout", async () => {
    const http = createHttpService({ timeoutMs: 300, maxResponseBytes: 1_000 });
    await expect(http(`${server.url}/big`)).rejects.toThrow(/exceeds 1000 bytes/);
    await expect(http(`${server.url}/slow`)).rejects.toThrow(/timeout|aborted/i);
  });
});
