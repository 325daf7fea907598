// `npm run seed`: seeds the demo workspace (idempotent). Uses the engines of a running `npm start`
// when there is one, else starts the embedded engines on `.data` for the duration of the seed.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildAll, installDependencies, loadDotEnv, root, step } from "./lib/bootstrap.mjs";

loadDotEnv();
installDependencies();
buildAll();
const load = (pkg) => import(pathToFileURL(path.join(root, pkg, "dist", "index.js")).href);
const dataDir = path.resolve(root, process.env.OMNIJOURNEY_DATA_DIR || ".data");
const runtimeFile = path.join(dataDir, "runtime.json");

function runningInstance() {
  if (!fs.existsSync(runtimeFile)) return null;
  const running = JSON.parse(fs.readFileSync(runtimeFile, "utf8"));
  try {
    process.kill(running.pid, 0);
    return running;
  } catch {
    return null;
  }
}

let connection = runningInstance();
let engines;
if (!connection) {
  const runtime = await load("runtime");
  engines = await runtime.startEngines({
    profile: "dev",
    dataDir,
    progress: (line) => console.log(`  ${line}`),
  });
  connection = {
    mongoUri: engines.mongoUri,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    smtpUrl: engines.smtpUrl,
    taskQueue: process.env.OMNIJOURNEY_TASK_QUEUE || "omnijourney",
  };
}
try {
  const api = await load("api");
  await step("Seeding the demo workspace", () => api.seedDemo(connection));
  fs.writeFileSync(path.join(dataDir, "seeded"), new Date().toISOString());
} finally {
  await engines?.stop();
}
