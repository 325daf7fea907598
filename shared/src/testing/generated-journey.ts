import type { JourneyDocument, JourneyEdge, JourneyNode } from "../schemas/journey.js";

export type GeneratedJourneyOptions = {
  /** How many steps, the trigger and the exit included. */
  nodes: number;
  /** Makes every template and the name distinct, so nothing can be cached between two generated journeys. */
  salt?: string | number;
  /** Steps per row of the layout (the canvas benchmark fits the whole journey in the viewport). */
  columns?: number;
};

/**
 * A valid journey of real built-in step types for benchmarks: emails with Liquid, waits for an open with an SMS
 * on both outcomes, condition branches, profile updates, timed waits and A/B splits into a goal, every branching
 * output connected, then an exit. Used by the validate-and-compile benchmark and the canvas benchmark.
 */
export function generatedJourney({
  nodes: count,
  salt = "",
  columns = 7,
}: GeneratedJourneyOptions): JourneyDocument {
  const nodes: JourneyNode[] = [];
  const edges: JourneyEdge[] = [];
  const add = (type: string, config: Record<string, unknown>): string => {
    const i = nodes.length;
    const id = `n${i}`;
    nodes.push({
      id,
      type,
      position: { x: (i % columns) * 260, y: Math.floor(i / columns) * 150 },
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
          subject: `Hi {{ profile.firstName | default: "there" }} ${salt}-${i}`,
          body: `<p>{% if profile.plan == "pro" %}Pro{% else %}Free{% endif %} ${i}</p>`,
        });
        link(prev, m);
        prev = m;
        break;
      }
      case 1: {
        const w = add("wait.event", {
          event: "message_opened",
          timeout: { amount: 1 + (i % 3), unit: "day" },
        });
        const s = add("message.sms", { text: `Reminder {{ profile.firstName }} ${salt}-${i}` });
        link(prev, w);
        link(w, s, "timeout");
        link(w, s, "received");
        prev = s;
        break;
      }
      case 2: {
        const b = add("branch.condition", {
          condition: {
            all: [
              { attr: "country", op: "in", value: ["DE", "AT"] },
              { event: "purchase", op: "count_gte", value: 2, within: { amount: 30, unit: "day" } },
            ],
          },
        });
        const u = add("profile.update", {
          assignments: [
            { op: "set", attr: "segment", value: `{{ event.properties.plan }}-${salt}` },
          ],
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
  return {
    name: `Generated journey ${salt}`.trim(),
    nodes,
    edges,
    settings: {
      reentry: "after_exit",
      goal: { event: "purchase", within: { amount: 7, unit: "day" } },
      exitOn: [],
      respectQuietHours: true,
      frequencyCapped: true,
    },
  };
}
