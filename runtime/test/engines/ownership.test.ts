import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { startEngines } from "../../src/engines/index.js";
import { processesTagged, waitFor } from "./fixtures/processes.js";

const engines = inject("engines");
const ownerScript = fileURLToPath(new URL("./fixtures/engine-owner.ts", import.meta.url));

/** Starts a child process that owns real engines and prints READY; resolves with it once they are up. */
async function startOwner(tag: string) {
  const child = spawn(process.execPath, ["--import", "tsx", ownerScript], {
    env: {
      ...process.env,
      OMNIJOURNEY_RUN_TAG: tag,
      MONGODB_URI: "",
      TEMPORAL_ADDRESS: "",
      SMTP_URL: "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("READY")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`engine owner exited early (${code}): ${out}`)));
  });
  return child;
}

describe("engine ownership", () => {
  it("stops every engine when its owner is killed with SIGKILL (no orphans)", async () => {
    const tag = `orphan-${Date.now()}`;
    const owner = await startOwner(tag);
    // Owner, three guards and three engines (MailDev, FerretDB, Temporal) carry the tag.
    expect(processesTagged(tag).length).toBeGreaterThanOrEqual(7);
    owner.kill("SIGKILL");
    await waitFor(() => processesTagged(tag).length === 0, 20_000);
    expect(processesTagged(tag)).toEqual([]);
  });

  it("stops every engine when its owner gets SIGTERM", async () => {
    const tag = `term-${Date.now()}`;
    const owner = await startOwner(tag);
    owner.kill("SIGTERM");
    await waitFor(() => processesTagged(tag).length === 0, 20_000);
    expect(processesTagged(tag)).toEqual([]);
  });

  it("provisions nothing for engines whose address comes from the environment", async () => {
    const emptyHome = fs.mkdtempSync(path.join(os.tmpdir(), "omnij-home-"));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnij-data-"));
    const external = await startEngines({
      profile: "test",
      dataDir,
      engines: ["mongo", "temporal"],
      env: {
        MONGODB_URI: engines.mongoUri,
        TEMPORAL_ADDRESS: engines.temporalAddress,
        OMNIJOURNEY_HOME: emptyHome,
      },
    });
    try {
      expect(external.mongoUri).toBe(engines.mongoUri);
      expect(external.temporalAddress).toBe(engines.temporalAddress);
      expect(external.status()).toEqual({
        mongo: { mode: "external", address: engines.mongoUri },
        temporal: { mode: "external", address: engines.temporalAddress },
      });
      expect(fs.readdirSync(emptyHome)).toEqual([]); // no install was even attempted
    } finally {
      await external.stop();
      fs.rmSync(emptyHome, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
