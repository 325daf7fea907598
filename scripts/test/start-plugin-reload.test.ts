import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { NodeTypesResponse, ProfileDetail } from "@omnijourney/shared";

// `npm start`'s reload wiring end to end: a local plugin listed in OMNIJOURNEY_PLUGINS is edited while the
// script runs; the log says it reloaded, the API serves the new schema and the worker runs the new `run`.
// The plugin lives inside the clone (.data is ignored) so it resolves zod and the shared package.
const root = path.resolve(import.meta.dirname, "..", "..");
const scratch = path.join(root, ".data", `start-reload-${randomUUID()}`);
const pluginFile = path.join(scratch, "stamp.mjs");
const TYPE = "fixture.stamp";

/** The plugin at version `v`: version 2 adds a `note` field to its config and stamps "v2". */
const pluginSource = (v: 1 | 2) => `
import { z } from "zod";
import { defineNodeType } from "@omnijourney/shared";
export default defineNodeType({
  type: "${TYPE}", title: "Stamp v${v}", category: "action", icon: "zap", version: 1,
  config: z.object({ label: z.string()${v === 2 ? ', note: z.string().default("second")' : ""} }),
  outputs: ["next"], execution: "activity",
  run: async ({ services }) => {
    await services.updateProfile([{ op: "set", attr: "stamp", value: "v${v}", valueType: "string" }]);
    return { output: "next" };
  },
});
`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

type Ready = { studio: string; adminToken: string; writeKey: string };

describe("npm start with a local plugin", () => {
  let child: ChildProcess | undefined;
  let output = "";
  afterAll(() => {
    child?.kill("SIGKILL");
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("reloads a plugin edited while it runs: logged, served by the API, run by the worker", async () => {
    fs.mkdirSync(scratch, { recursive: true });
    fs.writeFileSync(pluginFile, pluginSource(1));
    const port = await freePort();
    child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        OMNIJOURNEY_EPHEMERAL: "1",
        OMNIJOURNEY_SKIP_BUILD: "1",
        OMNIJOURNEY_SEED: "none",
        OMNIJOURNEY_RUN_TAG: `start-reload-${Date.now()}`,
        OMNIJOURNEY_PLUGINS: `./${path.relative(root, pluginFile)}`,
        MONGODB_URI: "",
        TEMPORAL_ADDRESS: "",
        SMTP_URL: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const started = child;
    const ready = new Promise<Ready>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split("\n").find((l) => l.startsWith("OMNIJOURNEY_READY "));
        // why: the READY line is the JSON that scripts/start.mjs prints for tools
        if (line) resolve(JSON.parse(line.slice("OMNIJOURNEY_READY ".length)) as Ready);
      };
      started.stdout?.on("data", onData);
      started.stderr?.on("data", onData);
      started.once("exit", (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
    });
    const urls = await ready;
    const bearer = {
      authorization: `Bearer ${urls.adminToken}`,
      "content-type": "application/json",
    };
    const api = async (p: string, body?: unknown) => {
      const res = await fetch(`${urls.studio}/api${p}`, {
        method: body === undefined ? "GET" : "POST",
        headers: bearer,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status, `${p}: ${res.status}`).toBeLessThan(300);
      return res.json() as Promise<unknown>;
    };
    const configFields = async () => {
      // why: the response is NodeTypesResponse (shared's schema of GET /api/node-types)
      const { items } = (await api("/node-types")) as NodeTypesResponse;
      const stamp = items.find((t) => t.type === TYPE);
      const props = stamp?.configSchema.properties;
      return {
        title: stamp?.title,
        fields: Object.keys(typeof props === "object" && props ? props : {}),
      };
    };
    const track = async (userId: string) => {
      const res = await fetch(`${urls.studio}/v1/track`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${urls.writeKey}:`).toString("base64")}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ userId, event: "stamp_me" }),
      });
      expect(res.status).toBe(200);
    };
    const stampOf = async (userId: string) => {
      const res = await fetch(`${urls.studio}/api/profiles/${userId}`, { headers: bearer });
      if (res.status !== 200) return undefined;
      // why: the response is ProfileDetail (shared's schema of GET /api/profiles/:id)
      return ((await res.json()) as ProfileDetail).attributes.stamp;
    };

    /** A failed wait shows what `npm start` printed. */
    const withLog = (waiting: Promise<void>) =>
      waiting.catch((error: unknown) => {
        throw new Error(
          `${String(error)}\n--- npm start output (tail) ---\n${output.slice(-6_000)}`,
        );
      });
    expect(output).toContain(`Plugin ./${path.relative(root, pluginFile)}: ${TYPE}`);
    expect(await configFields()).toEqual({ title: "Stamp v1", fields: ["label"] });
    // why: POST /api/journeys answers the created journey with its id
    const { id } = (await api("/journeys", {
      name: "Stamp on event",
      nodes: [
        { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "stamp_me" } },
        { id: "s", type: TYPE, position: { x: 0, y: 120 }, config: { label: "a" } },
        { id: "x", type: "exit", position: { x: 0, y: 240 }, config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "s" },
        { id: "e2", source: "s", target: "x" },
      ],
      settings: { reentry: "always" },
    })) as { id: string };
    await api(`/journeys/${id}/publish`, {});
    await track("before-edit");
    await withLog(expect.poll(() => stampOf("before-edit"), { timeout: 90_000 }).toBe("v1"));

    fs.writeFileSync(pluginFile, pluginSource(2));
    await expect
      .poll(() => output, { timeout: 30_000 })
      .toContain(`${path.relative(root, pluginFile)} changed: plugins reloaded`);
    expect(await configFields()).toEqual({ title: "Stamp v2", fields: ["label", "note"] });
    // The published step now runs the edited `run` (the worker looks its type up when the step runs).
    await track("after-edit");
    await withLog(expect.poll(() => stampOf("after-edit"), { timeout: 90_000 }).toBe("v2"));

    const exited = new Promise<number | null>((resolve) => started.once("exit", resolve));
    started.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 300_000);
});
