import { createRequire } from "node:module";
import path from "node:path";
import { waitUntilHealthy } from "./health.js";
import { freePort } from "./ports.js";
import { spawnEngine, type EngineProcess } from "./process.js";

export interface RunningMailDev {
  smtpUrl: string;
  /** Web inbox and REST API (`GET /email`, `DELETE /email/all`). */
  webUrl: string;
  process: EngineProcess;
}

const require = createRequire(import.meta.url);

/** MailDev (npm, pinned in runtime/package.json): an SMTP sink with a web inbox and a REST API. */
export async function startMailDev(options: {
  logsDir: string;
  mailDir?: string;
}): Promise<RunningMailDev> {
  const bin = path.join(path.dirname(require.resolve("maildev/package.json")), "bin", "maildev");
  const smtpPort = await freePort();
  const webPort = await freePort();
  const args = [
    bin,
    "--ip",
    "127.0.0.1",
    "--smtp",
    String(smtpPort),
    "--web",
    String(webPort),
    "--web-ip",
    "127.0.0.1",
  ];
  if (options.mailDir) args.push("--mail-directory", options.mailDir);
  const logFile = path.join(options.logsDir, "maildev.log");
  const process = spawnEngine("maildev", globalThis.process.execPath, args, { logFile });
  const webUrl = `http://127.0.0.1:${webPort}`;
  try {
    await waitUntilHealthy("MailDev", async () => (await fetch(`${webUrl}/email`)).ok, {
      timeoutMs: 30_000,
      logFile,
      exited: process.hasExited,
    });
  } catch (error) {
    await process.stop();
    throw error;
  }
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webUrl, process };
}
