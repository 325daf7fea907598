/** Journey documents used by several test files. */
export const welcomeJourney = (event = "Signed Up") => ({
  name: "Welcome",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event } },
    { id: "m1", type: "message.email", position: { x: 0, y: 120 }, config: { subject: "Welcome {{ profile.firstName }}", body: "<p>Hello {{ profile.firstName }}, see https://example.com/start</p>" } },
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
