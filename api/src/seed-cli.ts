/**
 * `node api/dist/seed-cli.js`: seeds the demo workspace into the engines named by the environment
 * (MONGODB_URI, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, OMNIJOURNEY_TASK_QUEUE, SEED_PROFILES).
 */
import { seedDemo } from "./seed/index.js";

const env = process.env;
const mongoUri = env.MONGODB_URI;
const temporalAddress = env.TEMPORAL_ADDRESS;
if (!mongoUri || !temporalAddress) {
  console.error(
    "Set MONGODB_URI and TEMPORAL_ADDRESS (or run `npm run seed`, which starts the engines).",
  );
  process.exit(2);
}
const summary = await seedDemo({
  mongoUri,
  temporalAddress,
  temporalNamespace: env.TEMPORAL_NAMESPACE ?? "default",
  taskQueue: env.OMNIJOURNEY_TASK_QUEUE ?? "omnijourney",
  ...(env.SEED_PROFILES ? { profiles: Number(env.SEED_PROFILES) } : {}),
});
console.log(JSON.stringify({ seeded: summary }));
