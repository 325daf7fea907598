// Production entry for one process of the production shape (docker-compose.yml, Dockerfiles):
// `node scripts/serve.mjs api` or `node scripts/serve.mjs worker`. Engines are external here:
// MONGODB_URI, TEMPORAL_ADDRESS (and SMTP_URL for the worker) must be set.
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const role = process.argv[2];
const required = {
  api: ["MONGODB_URI", "TEMPORAL_ADDRESS", "OMNIJOURNEY_ADMIN_TOKEN", "OMNIJOURNEY_WRITE_KEY"],
  worker: ["MONGODB_URI", "TEMPORAL_ADDRESS"],
};
if (!(role in required)) {
  console.error("usage: node scripts/serve.mjs api|worker");
  process.exit(2);
}
const missing = required[role].filter((name) => !process.env[name]);
if (missing.length) {
  console.error(`${role}: set ${missing.join(", ")} (see README.md, "Configuration")`);
  process.exit(2);
}
const connection = {
  mongoUri: process.env.MONGODB_URI,
  temporalAddress: process.env.TEMPORAL_ADDRESS,
  temporalNamespace: process.env.TEMPORAL_NAMESPACE || "default",
  smtpUrl: process.env.SMTP_URL || "",
  taskQueue: process.env.OMNIJOURNEY_TASK_QUEUE || "omnijourney",
};
const load = (pkg) => import(pathToFileURL(path.join(root, pkg, "dist", "index.js")).href);

const runtime = await load("runtime");
// Both roles load the same plugins: the API validates with their schemas, the worker runs them.
const registry = await runtime
  .loadPlugins({
    root,
    onLoaded: (plugin, types) => console.log(`${role}: plugin ${plugin}: ${types.join(", ")}`),
  })
  .catch((error) => {
    console.error(`${role}: ${error.message}`);
    process.exit(1);
  });
let running;
if (role === "worker") {
  running = await runtime.startWorker({ ...connection, registry });
  console.log(`worker polling task queue ${connection.taskQueue} on ${connection.temporalAddress}`);
} else {
  const api = await load("api");
  running = await api.startApi({
    ...connection,
    port: Number(process.env.PORT || 3000),
    host: process.env.HOST || "0.0.0.0",
    adminToken: process.env.OMNIJOURNEY_ADMIN_TOKEN,
    writeKey: process.env.OMNIJOURNEY_WRITE_KEY,
    studioDir: path.join(root, "studio", "dist"),
    engineStatus: () => ({ mongo: { mode: "external" }, temporal: { mode: "external" } }),
    ...api.limitsFromEnv(process.env),
    ...(process.env.OMNIJOURNEY_SHUTDOWN_GRACE_MS
      ? { shutdownGraceMs: Number(process.env.OMNIJOURNEY_SHUTDOWN_GRACE_MS) }
      : {}),
  });
  console.log(`api listening on ${running.url}`);
}
const stop = async (signal) => {
  console.log(`${signal}: stopping ${role}`);
  await (running.stop ?? running.close)();
  process.exit(0);
};
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
