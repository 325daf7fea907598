/** Journey documents used by several test files. */
export const welcomeJourney = (event = "Signed Up") => ({
  name: "Welcome",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event } },
    {
      id: "m1",
      type: "message.email",
      position: { x: 0, y: 120 },
      config: {
        subject: "Welcome {{ profile.firstName }}",
        body: "<p>Hello {{ profile.firstName }}, see https://example.com/start</p>",
      },
    },
    { id: "x", type: "exit", position: { x: 0, y: 240 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m1" },
    { id: "e2", source: "m1", target: "x" },
  ],
  settings: { reentry: "never" },
});

export const segmentJourney = (segmentId: string) => ({
  name: "Segment entry",
  nodes: [
    { id: "t", type: "trigger.segment", position: { x: 0, y: 0 }, config: { segmentId } },
    { id: "x", type: "exit", position: { x: 0, y: 120 }, config: {} },
  ],
  edges: [{ id: "e1", source: "t", target: "x" }],
});

/** Trigger → email → wait a day → exit: enrolments stay active long enough to cancel or signal. */
export const waitingJourney = (event: string, wait: { event?: string } = {}) => ({
  name: `Waiting on ${event}`,
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event } },
    {
      id: "m",
      type: "message.email",
      position: { x: 0, y: 100 },
      config: {
        subject: "Hello {{ profile.firstName }}",
        body: "<p>Body https://example.com/x</p>",
      },
    },
    wait.event
      ? {
          id: "w",
          type: "wait.event",
          position: { x: 0, y: 200 },
          config: { event: wait.event, timeout: { amount: 1, unit: "day" } },
        }
      : {
          id: "w",
          type: "wait.duration",
          position: { x: 0, y: 200 },
          config: { amount: 1, unit: "day" },
        },
    { id: "x", type: "exit", position: { x: 0, y: 300 }, config: {} },
    ...(wait.event ? [{ id: "x2", type: "exit", position: { x: 200, y: 300 }, config: {} }] : []),
  ],
  edges: [
    { id: "e1", source: "t", target: "m" },
    { id: "e2", source: "m", target: "w" },
    ...(wait.event
      ? [
          { id: "e3", source: "w", sourceHandle: "received", target: "x" },
          { id: "e4", source: "w", sourceHandle: "timeout", target: "x2" },
        ]
      : [{ id: "e3", source: "w", target: "x" }]),
  ],
  settings: { reentry: "always" },
});
