/**
 * The API as a separate process, for tests that kill it (SIGKILL) mid-stream. Configuration from the
 * environment; prints `READY <url>` once listening.
 */
import { pino } from "pino";
import { startApi } from "../../src/server.js";

const env = process.env;
const api = await startApi({
  port: 0,
  mongoUri: env.TEST_MONGO_URI ?? "",
  dbName: env.TEST_DB_NAME ?? "",
  temporalAddress: env.TEST_TEMPORAL_ADDRESS ?? "",
  temporalNamespace: env.TEST_TEMPORAL_NAMESPACE ?? "default",
  taskQueue: env.TEST_TASK_QUEUE ?? "omnijourney",
  adminToken: env.TEST_ADMIN_TOKEN ?? "",
  writeKey: env.TEST_WRITE_KEY ?? "",
  logger: pino({ level: "silent" }),
});
process.stdout.write(`READY ${api.url}\n`);
