// Benchmark: validate + compile a generated 1,000-node journey (compileJourney runs every validator rule, parses
// every Liquid template, builds the plan and its content hash). Baseline, measured in the same run on the same
// text: JSON.parse + a plain zod parse of the whole document (every node's config by its type's schema).
// Prints `BENCH {...}` for bench/run.mjs. Target: median under 20 ms and under 5x the baseline.
import { z } from "zod";
import { compileJourney, JourneyDocument, JourneyNode, nodeTypes } from "@omnijourney/shared";
import { generatedJourney } from "@omnijourney/shared/testing";

const NODES = 1_000;
const WARMUP = 15;
const RUNS = 41;

/** A valid journey of NODES nodes; `salt` makes every template distinct so nothing can be cached between runs. */
export const journey = (salt) => generatedJourney({ nodes: NODES, salt });

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
