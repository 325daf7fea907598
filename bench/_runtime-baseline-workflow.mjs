// The hand-written baseline for bench/runtime-throughput.mjs: the same 5-node journey (trigger, email,
// wait 1 s, branch, exit) written directly against Temporal, calling the same activities.
import { proxyActivities, sleep } from "@temporalio/workflow";

const { runNode, evaluate } = proxyActivities({
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    maximumInterval: "1 minute",
    backoffCoefficient: 2,
    maximumAttempts: 12,
  },
});

export async function handWrittenJourney({ enrolment, email, condition }) {
  const policy = { respectQuietHours: false, frequencyCapped: false };
  await runNode({
    enrolment,
    nodeId: "m",
    nodeType: "message.email",
    config: email,
    visit: 1,
    event: null,
    at: new Date().toISOString(),
    policy,
  });
  await sleep(1000);
  const branch = await evaluate({
    enrolment,
    at: new Date().toISOString(),
    conditions: [condition],
  });
  return branch === 0 ? "yes" : "no";
}
