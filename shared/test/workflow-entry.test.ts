import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toJourneyEvent } from "../src/workflow.js";

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "src");

/** Every module and package the file loads at run time (type-only imports and exports are erased). */
function runtimeImports(file: string, seen = new Set<string>(), packages = new Set<string>()) {
  if (seen.has(file)) return { seen, packages };
  seen.add(file);
  const code = fs.readFileSync(file, "utf8");
  const statements = code.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms);
  for (const [, , typeOnly, specifier] of statements) {
    if (typeOnly || !specifier) continue;
    if (specifier.startsWith(".")) {
      const target = path.resolve(path.dirname(file), specifier.replace(/\.js$/, ".ts"));
      runtimeImports(target, seen, packages);
    } else packages.add(specifier);
  }
  return { seen, packages };
}

describe("the workflow entry (@omnijourney/shared/workflow)", () => {
  const { seen, packages } = runtimeImports(path.join(src, "workflow.ts"));

  it("loads neither zod nor the node-type registry, so workflows can share it once loaded", () => {
    expect([...packages].sort()).toEqual(["@noble/hashes/sha2.js", "@noble/hashes/utils.js"]);
    const modules = [...seen].map((file) => path.relative(src, file));
    expect(modules).not.toContain("registry.ts");
    expect(modules.some((m) => m.startsWith("nodes/index"))).toBe(false);
  });

  it("reads a signalled event, applying the schema's default properties, and refuses malformed ones", () => {
    const timestamp = "2026-11-24T10:00:00.000Z";
    expect(toJourneyEvent({ event: "email_opened", timestamp })).toEqual({
      event: "email_opened",
      properties: {},
      timestamp,
    });
    expect(
      toJourneyEvent({ event: "order", properties: { total: 3 }, timestamp, messageId: "m1" }),
    ).toEqual({ event: "order", properties: { total: 3 }, timestamp, messageId: "m1" });
    expect(toJourneyEvent({ event: "", timestamp })).toBeNull();
    expect(toJourneyEvent({ event: "x", timestamp: "yesterday" })).toBeNull();
    expect(toJourneyEvent({ event: "x", properties: [], timestamp })).toBeNull();
    expect(toJourneyEvent({ event: "x", timestamp, messageId: 7 })).toBeNull();
    expect(toJourneyEvent("order")).toBeNull();
  });
});
