// Vitest globalSetup shared by the packages whose tests need the real engines: starts the embedded MongoDB-wire engine,
// the Temporal dev server (in memory) and MailDev once per test run, provides their addresses to
// every test file through `inject("engines")`, and stops them when the run ends.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEngines } from "../runtime/src/engines/index.js";

export interface TestEngines {
  mongoUri: string;
  temporalAddress: string;
  temporalNamespace: string;
  smtpUrl: string;
  /** MailDev REST API (`GET /email`); empty when SMTP_URL points at an external server. */
  mailApiUrl: string;
  /** Process group of each embedded engine (its guard's pid), for the fault tests that stall one (SIGSTOP). */
  pids: Partial<Record<"mongo" | "temporal" | "smtp", number>>;
}

declare module "vitest" {
  export interface ProvidedContext {
    engines: TestEngines;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnij-test-"));
  const engines = await startEngines({
    profile: "test",
    dataDir,
    progress: (line) => console.log(line),
  });
  project.provide("engines", {
    mongoUri: engines.mongoUri,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    smtpUrl: engines.smtpUrl,
    mailApiUrl: engines.mailApiUrl ?? "",
    pids: Object.fromEntries(
      Object.entries(engines.status()).flatMap(([name, status]) =>
        status?.pid ? [[name, status.pid]] : [],
      ),
    ),
  });
  return async () => {
    await engines.stop();
    // The engines' logs outlive the run, beside the test reports, for a failure to be read later.
    const kept = path.join(
      import.meta.dirname,
      "..",
      ".data",
      "test-results",
      "engine-logs",
      path.basename(project.config.root),
    );
    fs.cpSync(path.join(dataDir, "logs"), kept, { recursive: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
