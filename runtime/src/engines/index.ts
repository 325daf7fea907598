/**
 * The one place that provisions, starts, health-checks and stops the engines Omnijourney needs:
 * Temporal, a MongoDB-wire server and an SMTP sink. An address from the environment always wins
 * (nothing is provisioned for it); otherwise the cached install is used, or installed first.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFerretDb } from "./ferretdb.js";
import { startMailDev } from "./maildev.js";
import {
  ensureFerretDb,
  ensureTemporalCli,
  ensureTimeSkippingServer,
  type Progress,
} from "./provision.js";
import { smtpIsHealthy } from "./smtp-health.js";
import { startTemporalDevServer, temporalIsHealthy } from "./temporal.js";
import { mongoIsHealthy } from "@omnijourney/store";
import { lockDataDir } from "./data-lock.js";
import type { EngineProcess } from "./process.js";

export { ENGINE_VERSIONS, engineDir, omnijourneyHome } from "./home.js";
export { MissingToolchainError, provisionEngines, type Progress } from "./provision.js";
export { freePort } from "./ports.js";
export { DATA_LOCK_FILE, DataDirInUseError, lockDataDir, type DataDirLock } from "./data-lock.js";
export { mongoIsHealthy, smtpIsHealthy, temporalIsHealthy };

export type EngineName = "mongo" | "temporal" | "smtp";

export interface EngineStatus {
  /** `embedded`: started and owned by this process; `external`: an address from the environment. */
  mode: "embedded" | "external";
  address: string;
  pid?: number;
  log?: string;
}

export interface EngineHealth extends EngineStatus {
  status: "up" | "down";
}

export interface StartEnginesOptions {
  /** `dev`: data persisted in `dataDir`, Temporal's web UI on. `test`: fresh data, in-memory Temporal, headless. */
  profile: "dev" | "test";
  /**
   * Where engine data lives (`.data` for `npm start`); logs go to `<dataDir>/logs`. The `dev` profile locks it
   * (`DataDirInUseError` when another live process holds it) until `stop()`.
   */
  dataDir: string;
  engines?: EngineName[];
  env?: NodeJS.ProcessEnv;
  progress?: Progress;
}

export interface RunningEngines {
  mongoUri: string;
  temporalAddress: string;
  temporalNamespace: string;
  temporalUiUrl?: string;
  smtpUrl: string;
  /** MailDev's web inbox and REST API, when the embedded sink runs. */
  mailApiUrl?: string;
  status(): Partial<Record<EngineName, EngineStatus>>;
  /** Asks each engine now whether it answers (what `GET /health` reports). */
  health(): Promise<Partial<Record<EngineName, EngineHealth>>>;
  stop(): Promise<void>;
}

const ALL_ENGINES: EngineName[] = ["mongo", "temporal", "smtp"];
const PORT_CLASH_ATTEMPTS = 3;

/**
 * Starts an engine again (on new free ports) when it lost a port between `freePort()` and its own bind: another
 * process, often an engine starting beside it, took the port in that window ("EADDRINUSE" in its log).
 */
export async function retryOnPortClash<T>(
  start: () => Promise<T>,
  attempts = PORT_CLASH_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      const clash = /EADDRINUSE|address already in use/i.test(String(error));
      if (!clash || attempt >= attempts) throw error;
    }
  }
}

/** Starts (or adopts from the environment) every engine asked for; stops those it started on failure. */
export async function startEngines(options: StartEnginesOptions): Promise<RunningEngines> {
  const env = options.env ?? process.env;
  const progress = options.progress ?? (() => {});
  const wanted = new Set(options.engines ?? ALL_ENGINES);
  // Persisted engine data must have one owner: a second supervisor would start engines on the same files.
  const lock = options.profile === "dev" ? lockDataDir(options.dataDir) : null;
  const logsDir = path.join(options.dataDir, "logs");
  fs.mkdirSync(logsDir, { recursive: true });
  const owned: EngineProcess[] = [];
  const status: Partial<Record<EngineName, EngineStatus>> = {};
  const running: Omit<RunningEngines, "status" | "health" | "stop"> = {
    mongoUri: "",
    temporalAddress: "",
    temporalNamespace: env.TEMPORAL_NAMESPACE || "default",
    smtpUrl: "",
  };
  const stop = async () => {
    await Promise.all(owned.splice(0).map((engine) => engine.stop()));
    lock?.release();
  };
  const embedded = (engine: EngineProcess, address: string): EngineStatus => {
    owned.push(engine);
    return { mode: "embedded", address, pid: engine.pid, log: engine.logFile };
  };

  try {
    const starts: Promise<void>[] = [];
    if (wanted.has("mongo")) {
      if (env.MONGODB_URI) {
        running.mongoUri = env.MONGODB_URI;
        status.mongo = { mode: "external", address: env.MONGODB_URI };
      } else {
        starts.push(
          (async () => {
            const binary = await ensureFerretDb(progress);
            const dataDir =
              options.profile === "dev"
                ? path.join(options.dataDir, "ferretdb")
                : fs.mkdtempSync(path.join(os.tmpdir(), "omnij-ferretdb-"));
            const ferret = await retryOnPortClash(() =>
              startFerretDb({ binary, dataDir, logsDir }),
            );
            running.mongoUri = ferret.uri;
            status.mongo = embedded(ferret.process, ferret.uri);
            progress(`engines: FerretDB ready at ${ferret.uri}`);
          })(),
        );
      }
    }
    if (wanted.has("temporal")) {
      if (env.TEMPORAL_ADDRESS) {
        running.temporalAddress = env.TEMPORAL_ADDRESS;
        status.temporal = { mode: "external", address: env.TEMPORAL_ADDRESS };
      } else {
        starts.push(
          (async () => {
            const binary = await ensureTemporalCli(progress);
            const temporal = await retryOnPortClash(() =>
              startTemporalDevServer({
                binary,
                logsDir,
                ui: options.profile === "dev",
                namespace: running.temporalNamespace,
                dbFile:
                  options.profile === "dev"
                    ? path.join(options.dataDir, "temporal.sqlite")
                    : undefined,
              }),
            );
            running.temporalAddress = temporal.address;
            running.temporalUiUrl = temporal.uiUrl;
            status.temporal = embedded(temporal.process, temporal.address);
            progress(`engines: Temporal ready at ${temporal.address}`);
          })(),
        );
      }
    }
    if (wanted.has("smtp")) {
      if (env.SMTP_URL) {
        running.smtpUrl = env.SMTP_URL;
        status.smtp = { mode: "external", address: env.SMTP_URL };
      } else {
        starts.push(
          (async () => {
            const mailDir =
              options.profile === "dev" ? path.join(options.dataDir, "mail") : undefined;
            const mail = await retryOnPortClash(() => startMailDev({ logsDir, mailDir }));
            running.smtpUrl = mail.smtpUrl;
            running.mailApiUrl = mail.webUrl;
            status.smtp = embedded(mail.process, mail.smtpUrl);
            progress(`engines: MailDev ready at ${mail.smtpUrl} (inbox ${mail.webUrl})`);
          })(),
        );
      }
    }
    const results = await Promise.allSettled(starts);
    const failure = results.find(
      (result): result is PromiseRejectedResult => result.status === "rejected",
    );
    if (failure) throw failure.reason;
  } catch (error) {
    await stop();
    throw error;
  }
  const probes: Record<EngineName, () => Promise<boolean>> = {
    mongo: () => mongoIsHealthy(running.mongoUri),
    temporal: () => temporalIsHealthy(running.temporalAddress, running.temporalNamespace),
    smtp: () => smtpIsHealthy(running.smtpUrl),
  };
  const health = async () => {
    const entries = await Promise.all(
      (Object.keys(status) as EngineName[]).map(async (name) => {
        // why `as`: Object.keys loses the key type
        const up = await probes[name]().catch(() => false);
        return [name, { ...status[name], status: up ? "up" : "down" }] as const;
      }),
    );
    return Object.fromEntries(entries) as Partial<Record<EngineName, EngineHealth>>; // why `as`: fromEntries loses the key type
  };
  return { ...running, status: () => ({ ...status }), health, stop };
}

/** Path of Temporal's time-skipping test server, installed into the engines cache when missing. */
export function timeSkippingServerPath(progress: Progress = () => {}): Promise<string> {
  return ensureTimeSkippingServer(progress);
}
