// A 500-node journey document for the canvas benchmark: real built-in node types, every branching port
// connected, laid out in columns so the whole journey fits the viewport (every node is rendered).
import type { JourneyDocument, JourneyEdge, JourneyNode } from "../src/api/types.js";

export const NODE_COUNT = 500;
const COLUMNS = 25;

export function benchJourney(count = NODE_COUNT): JourneyDocument {
  const nodes: JourneyNode[] = [];
  const edges: JourneyEdge[] = [];
  const add = (type: string, config: Record<string, unknown>): string => {
    const i = nodes.length;
    const id = `n${i}`;
    nodes.push({
      id,
      type,
      position: { x: (i % COLUMNS) * 260, y: Math.floor(i / COLUMNS) * 150 },
      config,
    });
    return id;
  };
  const link = (source: string, target: string, sourceHandle?: string) =>
    edges.push({
      id: `e${edges.length}`,
      source,
      target,
      ...(sourceHandle ? { sourceHandle } : {}),
    });
  let prev = add("trigger.event", { event: "signed_up" });
  while (nodes.length < count - 1) {
    const i = nodes.length;
    switch (i % 5) {
      case 0: {
        const m = add("message.email", {
          subject: `Hi {{ profile.firstName }} ${i}`,
          body: "<p>Welcome</p>",
        });
        link(prev, m);
        prev = m;
        break;
      }
      case 1: {
        const w = add("wait.event", {
          event: "message_opened",
          timeout: { amount: 1, unit: "day" },
        });
        const s = add("message.sms", { text: `Reminder ${i}` });
        link(w, s, "timeout");
        link(w, s, "received");
        link(prev, w);
        prev = s;
        break;
      }
      case 2: {
        const b = add("branch.condition", {
          condition: { all: [{ attr: "country", op: "eq", value: "DE" }] },
        });
        const u = add("profile.update", {
          assignments: [{ op: "set", attr: "seen", value: "yes" }],
        });
        link(prev, b);
        link(b, u, "yes");
        link(b, u, "no");
        prev = u;
        break;
      }
      case 3: {
        const w = add("wait.duration", { amount: 2, unit: "hour" });
        link(prev, w);
        prev = w;
        break;
      }
      default: {
        const x = add("experiment.split", {
          variants: [
            { id: "a", weight: 50 },
            { id: "b", weight: 50 },
          ],
        });
        const g = add("goal", { event: "purchase" });
        link(prev, x);
        link(x, g, "a");
        link(x, g, "b");
        prev = g;
      }
    }
  }
  link(prev, add("exit", {}));
  return { name: "Canvas benchmark", nodes, edges, settings: { reentry: "never", exitOn: [] } };
}
