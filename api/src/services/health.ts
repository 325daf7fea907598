import type { ApiContext } from "../context.js";

/** Each check gets this long; they run side by side, so `/health` answers within a second whatever the engines do. */
export const HEALTH_CHECK_TIMEOUT_MS = 500;

export type HealthReport = {
  status: "ok" | "degraded";
  /** Engines that did not answer in time or answered with a failure (`mongo`, `temporal`, or a supervised one). */
  failing: string[];
  mongo: { ok: boolean };
  temporal: { ok: boolean };
  /** What the supervisor reports about the engines it runs (addresses, pids, logs); `{}` without one. */
  engines: Record<string, unknown>;
  uptimeSeconds: number;
};

const TIMED_OUT = Symbol("timed out");

/** The value of `work`, or TIMED_OUT once `ms` have passed (the work itself is left to finish or fail on its own). */
const within = async <T>(work: () => Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([work(), deadline]);
  } finally {
    clearTimeout(timer);
  }
};

const answersTrue = async (check: () => Promise<boolean>, ms: number): Promise<boolean> =>
  (await within(check, ms).catch(() => false)) === true;

const downEngines = (engines: Record<string, unknown>): string[] =>
  Object.entries(engines)
    .filter(([, e]) => typeof e === "object" && e !== null && "status" in e && e.status === "down")
    .map(([name]) => name);

/** Asks MongoDB, Temporal and the supervisor at once, each bounded by `timeoutMs`. */
export const checkHealth = async (
  app: ApiContext,
  timeoutMs = HEALTH_CHECK_TIMEOUT_MS,
): Promise<HealthReport> => {
  const [mongo, temporal, engines] = await Promise.all([
    answersTrue(app.ping, timeoutMs),
    answersTrue(app.pingTemporal, timeoutMs),
    within(async () => (await app.engineStatus?.()) ?? {}, timeoutMs).catch(
      (): typeof TIMED_OUT => TIMED_OUT,
    ),
  ]);
  const reported = engines === TIMED_OUT ? { supervisor: { status: "down" } } : engines;
  const failing = new Set(downEngines(reported));
  if (!mongo) failing.add("mongo");
  if (!temporal) failing.add("temporal");
  return {
    status: failing.size === 0 ? "ok" : "degraded",
    failing: [...failing].sort(),
    mongo: { ok: mongo },
    temporal: { ok: temporal },
    engines: reported,
    uptimeSeconds: Math.round(process.uptime()),
  };
};
