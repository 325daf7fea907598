import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllowedHosts } from "../../src/net/allowed-hosts.js";
import { blockedKind } from "../../src/net/blocked-addresses.js";
import {
  createGuardedAgent,
  guardedFetch,
  OutboundBlockedError,
} from "../../src/net/outbound-guard.js";
import { requestWithRetry, DEFAULT_RETRY_POLICY } from "../../src/providers/http-client.js";
import { startFakeServer, type FakeServer } from "../providers/fake-server.js";

// Tests only ever reach loopback; every other target must be refused before a connection is attempted.
let target: FakeServer;
let redirector: FakeServer;
const hostPort = (server: FakeServer) => new URL(server.url).host;
const noAllowList = createGuardedAgent({ allowedHosts: [] });

beforeAll(async () => {
  target = await startFakeServer(() => ({ status: 200, body: { ok: true } }));
  redirector = await startFakeServer(() => ({
    status: 302,
    headers: { location: `${target.url}/after-redirect` },
  }));
});
afterAll(async () => {
  await target.close();
  await redirector.close();
});

const refusal = (promise: Promise<unknown>) =>
  expect(promise).rejects.toBeInstanceOf(OutboundBlockedError);

describe("the outbound guard", () => {
  it("refuses loopback, private, link-local and metadata addresses before connecting", async () => {
    await refusal(guardedFetch(`${target.url}/x`, {}, noAllowList));
    await refusal(guardedFetch("http://10.0.0.1/", {}, noAllowList));
    await refusal(guardedFetch("http://169.254.169.254/latest/meta-data/", {}, noAllowList));
    await refusal(guardedFetch("http://[::1]/", {}, noAllowList));
    await refusal(guardedFetch("http://[::ffff:127.0.0.1]/", {}, noAllowList));
    expect(target.requests).toHaveLength(0);
  });

  it("refuses a DNS name that resolves to loopback or a private address", async () => {
    await refusal(guardedFetch(`http://localhost:${new URL(target.url).port}/`, {}, noAllowList));
    const rebinding = createGuardedAgent({
      allowedHosts: [],
      // A public first answer does not hide a private second one: every address is checked.
      lookup: async () => [
        { address: "93.184.215.14", family: 4 },
        { address: "10.1.2.3", family: 4 },
      ],
    });
    await expect(guardedFetch("http://internal.example/", {}, rebinding)).rejects.toThrow(
      /resolves to 10\.1\.2\.3, a private address/,
    );
    expect(target.requests).toHaveLength(0);
  });

  it("refuses a redirect from an allowed server to a disallowed address", async () => {
    const agent = createGuardedAgent({ allowedHosts: parseAllowedHosts(hostPort(redirector)) });
    await refusal(guardedFetch(`${redirector.url}/start`, {}, agent));
    expect(redirector.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
  });

  it("lets an allow-listed host:port through", async () => {
    const agent = createGuardedAgent({ allowedHosts: parseAllowedHosts(hostPort(target)) });
    const response = await guardedFetch(`${target.url}/allowed`, {}, agent);
    expect(await response.json()).toEqual({ ok: true });
    expect(target.requests.map((r) => r.path)).toEqual(["/allowed"]);
  });

  it("makes a provider request to a refused target fail permanently, without retrying", async () => {
    const outcome = await requestWithRetry(
      { url: "http://169.254.169.254/hook", headers: {}, body: "{}" },
      { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1 },
    );
    expect(outcome).toMatchObject({ kind: "error", attempts: 1, refused: true });
  });
});

describe("the guard's address rules", () => {
  it("classifies each range and lets public addresses through", () => {
    expect(blockedKind("127.0.0.1")).toBe("loopback");
    expect(blockedKind("172.20.1.1")).toBe("private");
    expect(blockedKind("192.168.1.1")).toBe("private");
    expect(blockedKind("100.100.100.200")).toMatch(/carrier-grade NAT/);
    expect(blockedKind("0.0.0.0")).toBe("unspecified");
    expect(blockedKind("::")).toBe("unspecified");
    expect(blockedKind("fd00:ec2::254")).toMatch(/private/);
    expect(blockedKind("fe80::1")).toBe("link-local");
    expect(blockedKind("93.184.215.14")).toBeNull();
    expect(blockedKind("2606:4700::1111")).toBeNull();
  });

  it("parses host and host:port entries and rejects malformed ones", () => {
    expect(parseAllowedHosts(" hooks.internal, 127.0.0.1:8080,[::1]:9000 ")).toEqual([
      { host: "hooks.internal", port: null },
      { host: "127.0.0.1", port: 8080 },
      { host: "::1", port: 9000 },
    ]);
    expect(() => parseAllowedHosts("http://x/")).toThrow(/not host or host:port/);
  });
});
