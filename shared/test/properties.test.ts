import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileJourney, validateJourney, type JourneyDocumentInput } from "../src/index.js";
import { clone, webinarJourney } from "./fixtures.js";

type Doc = JourneyDocumentInput;

/** Valid configs by type and the ports each has. */
const palette: { type: string; config: unknown; ports: string[] }[] = [
  {
    type: "message.email",
    config: { subject: "Hi {{ profile.firstName }}", body: "B" },
    ports: ["next"],
  },
  { type: "message.sms", config: { text: "Hey" }, ports: ["next"] },
  { type: "wait.duration", config: { amount: 2, unit: "hour" }, ports: ["next"] },
  {
    type: "wait.event",
    config: { event: "opened", timeout: { amount: 1, unit: "day" } },
    ports: ["received", "timeout"],
  },
  {
    type: "branch.condition",
    config: { condition: { attr: "plan", op: "eq", value: "pro" } },
    ports: ["yes", "no"],
  },
  {
    type: "experiment.split",
    config: {
      variants: [
        { id: "a", weight: 30 },
        { id: "b", weight: 70 },
      ],
    },
    ports: ["a", "b"],
  },
  {
    type: "profile.update",
    config: { assignments: [{ op: "increment", attr: "n" }] },
    ports: ["next"],
  },
  { type: "goal", config: { event: "purchase" }, ports: ["next"] },
];

/** A random valid journey: nodes in a list, every port wired to a later node or an exit, so no cycles and all reachable. */
const validJourney: fc.Arbitrary<Doc> = fc
  .record({
    kinds: fc.array(fc.integer({ min: 0, max: palette.length - 1 }), {
      minLength: 0,
      maxLength: 25,
    }),
    picks: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
    xs: fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 30, maxLength: 30 }),
  })
  .map(({ kinds, picks, xs }) => {
    const nodes: Doc["nodes"] = [
      { id: "start", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "signup" } },
    ];
    kinds.forEach((k, i) => {
      const p = palette[k];
      if (p)
        nodes.push({
          id: `n${i}`,
          type: p.type,
          position: { x: xs[i % xs.length] ?? 0, y: i * 100 },
          config: structuredClone(p.config),
        });
    });
    nodes.push({ id: "end", type: "exit", config: {} });
    const edges: Doc["edges"] = [];
    let pick = 0;
    // The node after each one is always a target of its first port, so every node stays reachable.
    nodes.forEach((n, i) => {
      if (n.type === "exit") return;
      const ports =
        n.type === "trigger.event"
          ? ["next"]
          : (palette.find((p) => p.type === n.type)?.ports ?? []);
      ports.forEach((port, j) => {
        const later = nodes.length - 1 - i;
        const target =
          j === 0 ? nodes[i + 1] : nodes[i + 1 + ((picks[pick++ % picks.length] ?? 0) % later)];
        if (target)
          edges.push({
            id: `e${edges.length}`,
            source: n.id,
            ...(ports.length > 1 ? { sourceHandle: port } : {}),
            target: target.id,
          });
      });
    });
    return { name: "random", nodes, edges };
  });

/** Mutations that may or may not keep a document valid. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("dropNode" as const), i: fc.nat() }),
  fc.record({ kind: fc.constant("dropEdge" as const), i: fc.nat() }),
  fc.record({
    kind: fc.constant("retype" as const),
    i: fc.nat(),
    type: fc.constantFrom(
      "exit",
      "message.fax",
      "wait.event",
      "trigger.manual",
      "branch.multi",
      "",
    ),
  }),
  fc.record({ kind: fc.constant("reconfig" as const), i: fc.nat(), value: fc.jsonValue() }),
  fc.record({
    kind: fc.constant("rewire" as const),
    i: fc.nat(),
    j: fc.nat(),
    handle: fc.option(fc.constantFrom("yes", "no", "next", "timeout", "zzz", "__proto__")),
  }),
  fc.record({ kind: fc.constant("duplicate" as const), i: fc.nat() }),
  fc.record({
    kind: fc.constant("garbage" as const),
    where: fc.constantFrom("nodes", "edges", "settings", "name"),
    value: fc.anything(),
  }),
);

/** Assigns fields on a list item that may have been replaced by garbage (non-objects are left alone). */
function set(target: unknown, fields: Record<string, unknown>): void {
  if (target !== null && typeof target === "object") Object.assign(target, fields);
}

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(doc: Doc, steps: Mutation[]): unknown {
  const d: { name: unknown; nodes: unknown[]; edges: unknown[]; settings?: unknown } = clone(doc);
  for (const m of steps) {
    const n = d.nodes.length;
    const e = d.edges.length;
    switch (m.kind) {
      case "dropNode":
        if (n) d.nodes.splice(m.i % n, 1);
        break;
      case "dropEdge":
        if (e) d.edges.splice(m.i % e, 1);
        break;
      case "retype":
        if (n) set(d.nodes[m.i % n], { type: m.type });
        break;
      case "reconfig":
        if (n) set(d.nodes[m.i % n], { config: m.value });
        break;
      case "rewire":
        if (e && n)
          set(d.edges[m.i % e], {
            target: Reflect.get(Object(d.nodes[m.j % n]), "id"),
            sourceHandle: m.handle,
          });
        break;
      case "duplicate":
        if (n) d.nodes.push(clone(d.nodes[m.i % n]));
        break;
      case "garbage":
        if (m.where === "nodes") d.nodes.push(m.value);
        else if (m.where === "edges") d.edges.push(m.value);
        else if (m.where === "settings") d.settings = m.value;
        else d.name = m.value;
        break;
    }
  }
  return d;
}

function idsIn(doc: unknown): Set<string> {
  const ids = new Set<string>();
  if (doc && typeof doc === "object") {
    for (const key of ["nodes", "edges"]) {
      const list: unknown = Reflect.get(doc, key);
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        const id: unknown = item && typeof item === "object" ? Reflect.get(item, "id") : undefined;
        if (typeof id === "string") ids.add(id);
      }
    }
  }
  return ids;
}

describe("validator and compiler properties", () => {
  it("every generated journey is valid and compiles", () => {
    fc.assert(
      fc.property(validJourney, (doc) => {
        const result = validateJourney(doc);
        expect(result.problems).toEqual([]);
        expect(() => compileJourney(doc)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on arbitrary values, and names only ids that exist", () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 6 }),
        (value) => {
          const result = validateJourney(value);
          expect(result.valid).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on mutated journeys; every named id exists; whatever it accepts compiles", () => {
    fc.assert(
      fc.property(
        validJourney,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (doc, steps) => {
          const mutated = mutate(doc, steps);
          const result = validateJourney(mutated);
          const ids = idsIn(mutated);
          for (const p of result.problems) {
            if (p.nodeId !== undefined)
              expect(ids.has(p.nodeId), `${p.code} ${p.nodeId}`).toBe(true);
            if (p.edgeId !== undefined)
              expect(ids.has(p.edgeId), `${p.code} ${p.edgeId}`).toBe(true);
            expect(p.message.length).toBeGreaterThan(10);
          }
          if (result.valid) expect(() => compileJourney(mutated)).not.toThrow();
          else expect(() => compileJourney(mutated)).toThrow();
        },
      ),
      { numRuns: 400 },
    );
  });

  it("compiles deterministically, whatever the order of nodes and edges", () => {
    fc.assert(
      fc.property(validJourney, fc.nat(), (doc, seed) => {
        const a = compileJourney(doc);
        const shuffled = clone(doc);
        const rotate = <T>(list: T[]) =>
          list.push(...list.splice(0, seed % Math.max(1, list.length)));
        rotate(shuffled.nodes);
        rotate(shuffled.edges);
        shuffled.edges.reverse();
        expect(JSON.stringify(compileJourney(shuffled).nodes)).toBe(JSON.stringify(a.nodes));
        expect(compileJourney(shuffled).hash).toBe(a.hash);
        expect(compileJourney(doc)).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it("moving nodes never changes the hash", () => {
    fc.assert(
      fc.property(
        validJourney,
        fc.array(
          fc.record({
            x: fc.double({ noNaN: true, noDefaultInfinity: true }),
            y: fc.double({ noNaN: true, noDefaultInfinity: true }),
          }),
          { minLength: 1 },
        ),
        (doc, positions) => {
          const moved = clone(doc);
          moved.nodes.forEach((n, i) => (n.position = positions[i % positions.length]));
          expect(compileJourney(moved).hash).toBe(compileJourney(doc).hash);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the example journey survives every single mutation without an exception", () => {
    fc.assert(
      fc.property(mutation, (m) => {
        expect(() => validateJourney(mutate(webinarJourney(), [m]))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
