import { proxyActivities, proxyLocalActivities } from "@temporalio/workflow";
import type { ActivityPolicy } from "@omnijourney/shared/workflow";
import type { JourneyActivities } from "../types.js";

/** The journey's activities, scheduled as regular activities. */
export const activities = proxyActivities<JourneyActivities>({
  // Short enough that a send lost with a crashed worker is retried soon; providers time out sooner.
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    maximumInterval: "1 minute",
    backoffCoefficient: 2,
    maximumAttempts: 12,
  },
});

/** The same activities as local activities (fewer history events), for progress batches. */
export const local = proxyLocalActivities<JourneyActivities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", maximumInterval: "30 seconds", maximumAttempts: 10 },
});

/** The activities under a node type's own retry and timeout (plan nodes that carry a `policy`). */
export const activitiesUnder = (policy: ActivityPolicy) =>
  proxyActivities<JourneyActivities>({
    startToCloseTimeout: policy.timeoutMs,
    retry: {
      initialInterval: policy.initialIntervalMs,
      maximumInterval: policy.maxIntervalMs,
      backoffCoefficient: policy.backoffCoefficient,
      maximumAttempts: policy.maxAttempts,
    },
  });
