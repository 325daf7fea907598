import type { JourneyDocumentInput } from "../src/index.js";

/** The example journey from DESIGN.md. */
export function webinarJourney(): JourneyDocumentInput {
  return {
    name: "Webinar reminder",
    nodes: [
      {
        id: "t",
        type: "trigger.event",
        position: { x: 0, y: 0 },
        config: { event: "webinar_registered" },
      },
      {
        id: "m1",
        type: "message.email",
        position: { x: 0, y: 120 },
        config: { subject: "See you {{ profile.firstName }}", body: "..." },
      },
      {
        id: "w",
        type: "wait.event",
        name: "Wait for email opened",
        position: { x: 0, y: 240 },
        config: { event: "email_opened", timeout: { amount: 1, unit: "day" } },
      },
      {
        id: "m2",
        type: "message.telegram",
        position: { x: 200, y: 360 },
        config: { text: "Link: {{ event.properties.url }}" },
      },
      { id: "x", type: "exit", position: { x: 0, y: 480 }, config: {} },
    ],
    edges: [
      { id: "e1", source: "t", target: "m1" },
      { id: "e2", source: "m1", target: "w" },
      { id: "e3", source: "w", sourceHandle: "received", target: "x" },
      { id: "e4", source: "w", sourceHandle: "timeout", target: "m2" },
      { id: "e5", source: "m2", target: "x" },
    ],
    settings: {
      reentry: "never",
      goal: { event: "purchase", within: { amount: 7, unit: "day" } },
      exitOn: [],
    },
  };
}

/** A deep copy that tests may mutate. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** A valid journey of roughly `size` nodes: a chain of messages, waits and branches, each branch rejoining. */
export function largeJourney(size: number): JourneyDocumentInput {
  const nodes: JourneyDocumentInput["nodes"] = [
    { id: "n0", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "signed_up" } },
  ];
  const edges: JourneyDocumentInput["edges"] = [];
  let prev = "n0";
  let i = 1;
  const add = (type: string, config: unknown): string => {
    const id = `n${i++}`;
    nodes.push({ id, type, position: { x: (i % 7) * 200, y: i * 100 }, config });
    return id;
  };
  while (i < size - 1) {
    const kind = i % 4;
    if (kind === 0) {
      const m = add("message.email", {
        subject: `Hello {{ profile.firstName | default: "there" }} #${i}`,
        body: "<p>{% if profile.plan == 'pro' %}Pro{% else %}Free{% endif %}</p>",
      });
      edges.push({ id: `e${i}a`, source: prev, target: m });
      prev = m;
    } else if (kind === 1) {
      const w = add("wait.duration", { amount: 1, unit: "day" });
      edges.push({ id: `e${i}b`, source: prev, target: w });
      prev = w;
    } else if (kind === 2) {
      const b = add("branch.condition", {
        condition: {
          all: [
            { attr: "country", op: "eq", value: "DE" },
            { event: "purchase", op: "count_gte", value: 2, within: { amount: 30, unit: "day" } },
          ],
        },
      });
      const s = add("message.sms", { text: "Hi {{ profile.firstName }}" });
      edges.push(
        { id: `e${i}c`, source: prev, target: b },
        { id: `e${i}d`, source: b, sourceHandle: "yes", target: s },
        { id: `e${i}e`, source: b, sourceHandle: "no", target: s },
      );
      prev = s;
    } else {
      const u = add("profile.update", {
        assignments: [{ op: "set", attr: "lastStep", value: "{{ event.event }}" }],
      });
      edges.push({ id: `e${i}f`, source: prev, target: u });
      prev = u;
    }
  }
  const x = add("exit", {});
  edges.push({ id: "elast", source: prev, target: x });
  return { name: `Large ${size}`, nodes, edges };
}
