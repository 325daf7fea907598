import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/api.js";

let t: TestApi;
const studioDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnij-studio-"));

beforeAll(async () => {
  fs.writeFileSync(path.join(studioDir, "index.html"), '<!doctype html><div id="root"></div>');
  t = await startTestApi("headers", { studioDir });
});

afterAll(async () => {
  await t?.close();
  fs.rmSync(studioDir, { recursive: true, force: true });
});

const expectSecurityHeaders = (res: Response): void => {
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self';");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("x-powered-by")).toBeNull();
};

describe("security headers", () => {
  it("are on the studio's pages, the API, the docs, health and errors", async () => {
    const responses = {
      studio: await fetch(`${t.url}/`),
      journeyEditor: await fetch(`${t.url}/journeys/abc`),
      api: await t.api("/api/me"),
      unauthorized: await fetch(`${t.url}/api/me`),
      docs: await fetch(`${t.url}/api/docs`),
      health: await fetch(`${t.url}/health`),
      ingestion: await t.ingest("/track", { userId: "u1", event: "Headers Checked" }),
      notFound: await fetch(`${t.url}/no-such-page`),
    };
    expect(responses.studio.status).toBe(200);
    expect(responses.api.status).toBe(200);
    expect(responses.unauthorized.status).toBe(401);
    expect(responses.docs.status).toBe(200);
    for (const [name, res] of Object.entries(responses)) {
      try {
        expectSecurityHeaders(res);
      } catch (error) {
        throw new Error(`${name}: ${String(error)}`, { cause: error });
      }
    }
  });

  it("let webmail on other origins load the tracking pixel, and nothing else", async () => {
    const pixel = await fetch(`${t.url}/t/o/not-a-message`);
    expect(pixel.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const api = await t.api("/api/me");
    expect(api.headers.get("cross-origin-resource-policy")).toBe("same-origin");
  });
});
