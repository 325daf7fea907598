import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { processesTagged } from "../lib/processes.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

interface Ready {
  studio: string;
  health: string;
  adminToken: string;
}

/** `npm start`'s script on an ephemeral data dir, already built by `npm test`; resolves on its READY line. */
function startOmnijourney(
  port: number,
  tag: string,
): { child: ChildProcess; ready: Promise<Ready>; output: () => string } {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      OMNIJOURNEY_EPHEMERAL: "1",
      OMNIJOURNEY_SKIP_BUILD: "1",
      OMNIJOURNEY_SEED: "none",
      OMNIJOURNEY_RUN_TAG: tag,
      MONGODB_URI: "",
      TEMPORAL_ADDRESS: "",
      SMTP_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<Ready>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output
        .split("\n")
        .find((candidate) => candidate.startsWith("OMNIJOURNEY_READY "));
      if (line) resolve(JSON.parse(line.slice("OMNIJOURNEY_READY ".length)) as Ready);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`npm start exited early (${code}):\n${output}`)));
  });
  return { child, ready, output: () => output };
}

describe("npm start", () => {
  const started: ChildProcess[] = [];
  afterAll(() => started.forEach((child) => child.kill("SIGKILL")));

  it("serves the studio and a healthy /health with every engine up, and Ctrl-C leaves no process behind", async () => {
    const tag = `start-${Date.now()}`;
    const { child, ready } = startOmnijourney(await freePort(), tag);
    started.push(child);
    const urls = await ready;

    expect(await (await fetch(urls.health)).json()).toEqual({ status: "ok" });
    const health = await fetch(`${urls.studio}/api/health`, {
      headers: { authorization: `Bearer ${urls.adminToken}` },
    });
    expect(health.status).toBe(200);
    const body = (await health.json()) as { engines: Record<string, { status: string }> };
    for (const engine of ["mongo", "temporal", "smtp"])
      expect(body.engines[engine]?.status).toBe("up");

    const studio = await fetch(urls.studio);
    expect(studio.status).toBe(200);
    expect(await studio.text()).toContain('<div id="root">');

    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    const deadline = Date.now() + 15_000;
    while (processesTagged(tag).length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 250));
    expect(processesTagged(tag)).toEqual([]);
  });
});
