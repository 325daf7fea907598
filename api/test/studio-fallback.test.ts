import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/api.js";

let t: TestApi;
const studioDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnij-studio-"));
const INDEX = '<!doctype html><div id="root">studio</div>';

beforeAll(async () => {
  fs.writeFileSync(path.join(studioDir, "index.html"), INDEX);
  t = await startTestApi("studio-fallback", { studioDir });
});

afterAll(async () => {
  await t?.close();
  fs.rmSync(studioDir, { recursive: true, force: true });
});

const page = (p: string) => fetch(`${t.url}${p}`, { headers: { accept: "text/html" } });

describe("the studio answers every page a person can open", () => {
  it("serves the studio, with a 404 status, for an unknown page, so it can show its own not-found screen", async () => {
    const res = await page("/no-such-page/deeper");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toBe(INDEX);
  });

  it("serves studio routes with 200", async () => {
    const res = await page("/journeys/abc");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
  });

  it("keeps JSON errors for the API, ingestion, missing assets and clients that do not ask for a page", async () => {
    for (const p of ["/api/no-such-thing", "/v1/no-such-thing", "/assets/missing.js"]) {
      const res = await page(p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.headers.get("content-type"), p).toMatch(/application\/json/);
    }
    const json = await fetch(`${t.url}/no-such-page`, { headers: { accept: "application/json" } });
    expect(json.status).toBe(404);
    expect(json.headers.get("content-type")).toMatch(/application\/json/);
  });
});
