import { spawn } from "node:child_process";
import path from "node:path";
import { startSlackReceiver } from "./slack-receiver.js";
import { scanStackLogs } from "./log-scan.js";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const READY = "OMNIJOURNEY_READY ";
const START_TIMEOUT_MS = 15 * 60_000;

const Ready = z.looseObject({
  mailApiUrl: z.string().nullish(),
  adminToken: z.string(),
  writeKey: z.string(),
  logsDir: z.string(),
});

/**
 * Starts the whole stack with the lead's start script (engines, worker, API serving the built studio)
 * on a free port with throw-away data, waits for its READY line, and stops the whole process group
 * after the suite. With OMNIJOURNEY_E2E_BASE_URL set, an already running stack is used instead.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.OMNIJOURNEY_E2E_BASE_URL) return async () => undefined;
  const port = process.env.OMNIJOURNEY_E2E_PORT ?? "3999";
  // The stack loads the Slack example plugin by configuration alone, and may call this local Slack.
  const slack = await startSlackReceiver();
  process.env.OMNIJOURNEY_E2E_SLACK_URL = slack.url;
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: port,
      OMNIJOURNEY_EPHEMERAL: "1",
      // `npm test` has just built every package; a run of its own (outside CI) rebuilds so edits show.
      OMNIJOURNEY_SKIP_BUILD: process.env.OMNIJOURNEY_SKIP_BUILD ?? (process.env.CI ? "1" : "0"),
      OMNIJOURNEY_ADMIN_TOKEN: process.env.OMNIJOURNEY_E2E_ADMIN_TOKEN,
      OMNIJOURNEY_WRITE_KEY: process.env.OMNIJOURNEY_E2E_WRITE_KEY,
      OMNIJOURNEY_PLUGINS: "./plugins/example-slack/index.mjs",
      OMNIJOURNEY_ALLOWED_HOSTS: slack.hostPort,
    },
  });
  const log: string[] = [];
  const ready = await new Promise<z.infer<typeof Ready>>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `The stack did not print ${READY.trim()} within ${START_TIMEOUT_MS / 1000}s:\n${log.slice(-40).join("")}`,
          ),
        ),
      START_TIMEOUT_MS,
    );
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      log.push(text);
      if (process.env.OMNIJOURNEY_E2E_VERBOSE) process.stdout.write(text);
      buffer += text;
      const at = buffer.indexOf(READY);
      if (at >= 0) {
        const end = buffer.indexOf("\n", at);
        if (end < 0) return;
        clearTimeout(timer);
        try {
          resolve(Ready.parse(JSON.parse(buffer.slice(at + READY.length, end))));
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      }
    });
    child.stderr.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `The stack exited with code ${code} before it was ready:\n${log.slice(-40).join("")}`,
        ),
      );
    });
  });
  await sendAtAnyHour(`http://127.0.0.1:${port}`, ready.adminToken);
  process.env.OMNIJOURNEY_E2E_MAIL_API = ready.mailApiUrl ?? "";
  process.env.OMNIJOURNEY_E2E_ADMIN_TOKEN = ready.adminToken;
  process.env.OMNIJOURNEY_E2E_WRITE_KEY = ready.writeKey;

  return async () => {
    try {
      // Last, with everything the suite made the stack write: no credential in any of it.
      if (child.exitCode === null)
        await scanStackLogs({
          baseUrl: `http://127.0.0.1:${port}`,
          adminToken: ready.adminToken,
          writeKey: ready.writeKey,
          output: () => log.join(""),
          logsDir: ready.logsDir,
        });
    } finally {
      await stopStack();
    }
  };

  async function stopStack(): Promise<void> {
    await slack.close();
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // The negative pid addresses the whole process group: the supervisor and every engine it started.
    process.kill(-child.pid, "SIGTERM");
    const killed = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 30_000)),
    ]);
    if (!killed) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }
}

/**
 * Turns the workspace's quiet hours off. The demo workspace keeps them on (21:00–08:00 in the profile's time
 * zone), so a suite run in the evening would see the journeys' marketing emails deferred to the next morning
 * instead of arriving. Quiet hours themselves are tested in the runtime's time-skipping tests.
 */
async function sendAtAnyHour(baseUrl: string, adminToken: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/settings`, {
    method: "PUT",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ quietHours: { enabled: false } }),
  });
  if (!res.ok)
    throw new Error(`Turning quiet hours off answered ${res.status}: ${await res.text()}`);
}
