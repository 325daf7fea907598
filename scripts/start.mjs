// `npm start`: install, build, provision and start the engines, then the worker and the API (which
// serves the studio), seed the demo workspace on the first start, and print where everything is.
// Ctrl-C (SIGINT) or SIGTERM stops everything; the engines' guards stop them even if we crash.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildAll, installDependencies, loadDotEnv, root, step } from "./lib/bootstrap.mjs";
import { loadCredentials } from "./lib/credentials.mjs";

const startedAt = Date.now();
loadDotEnv();
const ephemeral = process.env.OMNIJOURNEY_EPHEMERAL === "1";
const dataDir = ephemeral
  ? fs.mkdtempSync(path.join(os.tmpdir(), "omnijourney-"))
  : path.resolve(root, process.env.OMNIJOURNEY_DATA_DIR || ".data");
fs.mkdirSync(dataDir, { recursive: true });

installDependencies();
if (process.env.OMNIJOURNEY_SKIP_BUILD !== "1") buildAll();

const load = (pkg) => import(pathToFileURL(path.join(root, pkg, "dist", "index.js")).href);
const runtime = await load("runtime");
const api = await load("api");

const port = Number(process.env.PORT || 3000);
const credentials = loadCredentials(dataDir);
const taskQueue = process.env.OMNIJOURNEY_TASK_QUEUE || "omnijourney";
let engines;
let worker;
let server;
let stopping = false;

let pluginWatch;

function logPlugin(plugin, types) {
  console.log(`  Plugin ${plugin}: ${types.join(", ")}`);
}

/**
 * A local plugin file changed: its node types are read again into the one registry that the API (node types,
 * validation) and the worker (each step looks its type up when it runs) share, so no restart is needed.
 */
async function reloadPlugins(file) {
  const name = path.relative(root, file);
  try {
    await runtime.loadPlugins({ root, reload: true, onLoaded: logPlugin });
    console.log(`  ${name} changed: plugins reloaded; the API and the worker use them from now on`);
  } catch (error) {
    console.error(
      `  ${name} changed but could not be loaded (${error instanceof Error ? error.message : error}); the previous version keeps running`,
    );
  }
}

async function shutdown(signal, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping Omnijourney…`);
  pluginWatch?.close();
  await server?.close().catch((error) => console.error("api:", error.message));
  await worker?.stop().catch((error) => console.error("worker:", error.message));
  await engines?.stop().catch((error) => console.error("engines:", error.message));
  // Only ours: a start refused because the folder is in use must not remove the running one's file.
  if (engines) fs.rmSync(path.join(dataDir, "runtime.json"), { force: true });
  if (ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
  console.log("Stopped.");
  process.exit(exitCode);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  // Before the engines: a plugin that cannot be loaded stops start-up at once, naming it.
  const registry = await runtime.loadPlugins({ root, onLoaded: logPlugin });
  engines = await runtime.startEngines({
    profile: ephemeral ? "test" : "dev",
    dataDir,
    progress: (line) => console.log(`  ${line}`),
  });
  const connection = {
    mongoUri: engines.mongoUri,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    smtpUrl: engines.smtpUrl,
    taskQueue,
  };
  server = await api.startApi({
    ...connection,
    port,
    host: process.env.HOST || "127.0.0.1",
    adminToken: credentials.adminToken,
    writeKey: credentials.writeKey,
    studioDir: path.join(root, "studio", "dist"),
    engineStatus: () => engines.health(),
    ...api.limitsFromEnv(process.env),
    ...(process.env.OMNIJOURNEY_SHUTDOWN_GRACE_MS
      ? { shutdownGraceMs: Number(process.env.OMNIJOURNEY_SHUTDOWN_GRACE_MS) }
      : {}),
  });
  // The worker puts the API's one-click unsubscribe links into marketing mail, so it starts second.
  worker = await step("Starting the worker", () =>
    runtime.startWorker({ ...connection, registry, unsubscribeUrl: server.links.unsubscribeUrl }),
  );
  pluginWatch = await runtime.watchPlugins({ root, onChange: (file) => void reloadPlugins(file) });
  fs.writeFileSync(
    path.join(dataDir, "runtime.json"),
    JSON.stringify({ pid: process.pid, ...connection }, null, 2),
  );

  const urls = {
    studio: server.url,
    api: `${server.url}/api`,
    openapi: `${server.url}/api/openapi.json`,
    health: `${server.url}/health`,
    temporalUi: engines.temporalUiUrl ?? null,
    mailInbox: engines.mailApiUrl ?? null,
  };
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  // A credential the operator chose is theirs already: it is not echoed into what may become a log file.
  const shown = (envName, value) => (process.env[envName] ? `(from ${envName})` : value);
  console.log(`
Omnijourney is running (ready in ${seconds} s).
  Studio       ${urls.studio}
  API          ${urls.api}   (OpenAPI: ${urls.openapi})
  Health       ${urls.health}
  Temporal UI  ${urls.temporalUi ?? "(external Temporal)"}
  Mail inbox   ${urls.mailInbox ?? "(external SMTP)"}
  Admin token  ${shown("OMNIJOURNEY_ADMIN_TOKEN", credentials.adminToken)}   (studio sign-in and Bearer token for /api)
  Write key    ${shown("OMNIJOURNEY_WRITE_KEY", credentials.writeKey)}   (HTTP Basic user for /v1 ingestion)
${credentials.generated.length ? `  (generated on first start and kept in ${path.relative(root, path.join(dataDir, "credentials.json")) || dataDir}; set ${credentials.generated.join(" and ")} to choose your own)\n` : ""}Press Ctrl-C to stop.\n`);

  // The first start seeds the demo while already serving: the studio fills in as the seed goes.
  const seededMarker = path.join(dataDir, "seeded");
  if (process.env.OMNIJOURNEY_SEED !== "none" && !fs.existsSync(seededMarker)) {
    try {
      await step("Seeding the demo workspace (first start; the studio is already up)", () =>
        api.seedDemo(connection),
      );
      fs.writeFileSync(seededMarker, new Date().toISOString());
    } catch (error) {
      console.error(
        `  The demo workspace could not be seeded: ${error instanceof Error ? error.message : error}\n  Everything else runs; \`npm run seed\` tries again.`,
      );
    }
  }
  // For tools: printed once everything, the demo included, is in place.
  const total = Number(((Date.now() - startedAt) / 1000).toFixed(1));
  console.log(
    `OMNIJOURNEY_READY ${JSON.stringify({ ...urls, mailApiUrl: engines.mailApiUrl ?? null, adminToken: credentials.adminToken, writeKey: credentials.writeKey, mongoUri: engines.mongoUri, temporalAddress: engines.temporalAddress, logsDir: path.join(dataDir, "logs"), seconds: total, servingAfterSeconds: Number(seconds) })}`,
  );
} catch (error) {
  console.error(`\nOmnijourney could not start: ${error instanceof Error ? error.message : error}`);
  await shutdown("error", 1);
}
