// Benchmark: validate + compile a generated 1,000-node journey (compileJourney runs every validator rule, parses
// every Liquid template, builds the plan and its content hash). Baseline, measured in the same run on the same
// text: JSON.parse + a plain zod parse of the whole document (every node's config by its type's schema).
// Prints `BENCH {...}` for bench/run.mjs. Target: median under 20 ms and under 5x the baseline.
import { z } from "zod";
import { compileJourney, JourneyDocument, JourneyNode, nodeTypes } from "@omnijourney/shared";

const NODES = 1_000;
const WARMUP = 15;
const RUNS = 41;

/** A valid journey of NODES nodes; `salt` makes every template distinct so nothing can be cached between runs. */
export function journey(salt) {
  const nodes = [
    { id: "n0", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "signed_up" } },
  ];
  const edges = [];
  let prev = "n0";
  const add = (type, config) => {
    const id = `n${nodes.length}`;
    nodes.push({
      id,
      type,
      position: { x: (nodes.length % 7) * 220, y: nodes.length * 90 },
      config,
    });
    return id;
  };
  const link = (source, target, sourceHandle) =>
    edges.push({
      id: `e${edges.length}`,
      source,
      target,
      ...(sourceHandle ? { sourceHandle } : {}),
    });
  while (nodes.length < NODES - 1) {
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
    name: `Bench ${salt}`,
    nodes,
    edges,
    settings: {
      reentry: "after_exit",
      goal: { event: "purchase", within: { amount: 7, unit: "day" } },
    },
  };
}

import { pathToFileURL } from "node:url";

/** Runs the benchmark and prints its BENCH line. */
export function main() {
  const TypedNode = z.discriminatedUnion(
    "type",
    nodeTypes.list().map((t) => JourneyNode.extend({ type: z.literal(t.type), config: t.config })),
  );
  const TypedDocument = JourneyDocument.extend({ nodes: z.array(TypedNode) });

  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
  };

  const texts = Array.from({ length: WARMUP + RUNS }, (_, i) => JSON.stringify(journey(i)));
  const size = texts[0].length;
  const measured = [];
  const baseline = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    let t = performance.now();
    const plan = compileJourney(JSON.parse(text));
    const ms = performance.now() - t;
    t = performance.now();
    TypedDocument.parse(JSON.parse(text));
    const base = performance.now() - t;
    if (Object.keys(plan.nodes).length !== NODES)
      throw new Error(`expected ${NODES} nodes, got ${Object.keys(plan.nodes).length}`);
    if (i >= WARMUP) {
      measured.push(ms);
      baseline.push(base);
    }
  }

  const value = Number(median(measured).toFixed(2));
  const base = Number(median(baseline).toFixed(2));
  const ratio = Number((value / base).toFixed(2));
  console.log(
    `validate+compile ${NODES} nodes (${Math.round(size / 1024)} KB JSON): median ${value} ms over ${RUNS} runs; baseline JSON.parse+zod ${base} ms; ratio ${ratio}x`,
  );
  const result = {
    name: "validate-compile-1000",
    value,
    unit: "ms",
    baseline: base,
    ratio,
    target: "< 20 ms and < 5x baseline",
    ok: value < 20 && ratio < 5,
  };
  console.log(`BENCH ${JSON.stringify(result)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
