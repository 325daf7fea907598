import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NodeTypeRegistry, nodeTypes } from "@omnijourney/shared";
import { loadPlugins, PluginLoadError } from "../../src/plugins/load.js";
import { watchPlugins } from "../../src/plugins/watch.js";

// A local plugin edited while the process runs: the watcher reports the change, a reload puts the new
// declaration in place. The scratch root is inside the clone so the plugin resolves zod and the shared package.
const root = path.join(
  path.resolve(import.meta.dirname, "../../.."),
  ".data",
  `reload-${randomUUID()}`,
);
const file = path.join(root, "plugins", "greeter.mjs");
const pluginSource = (title: string, type = "fixture.greeter") => `
import { z } from "zod";
import { defineNodeType } from "@omnijourney/shared";
export default defineNodeType({
  type: "${type}", title: "${title}", category: "action", icon: "zap", version: 1,
  config: z.object({}), outputs: ["next"], execution: "activity",
  run: async () => ({ output: "next" }),
});
`;
const env = { OMNIJOURNEY_PLUGINS: "./plugins/greeter.mjs" };
const withBuiltIns = () => {
  const registry = new NodeTypeRegistry();
  for (const type of nodeTypes.list()) registry.register(type);
  return registry;
};

fs.mkdirSync(path.dirname(file), { recursive: true });
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("reloading a plugin edited while running", () => {
  it("reports the change once and puts the changed declaration in place", async () => {
    fs.writeFileSync(file, pluginSource("Greet"));
    const registry = await loadPlugins({ root, env, registry: withBuiltIns() });
    expect(registry.get("fixture.greeter")?.title).toBe("Greet");

    const changes: string[] = [];
    const watcher = await watchPlugins({
      root,
      env,
      onChange: (f) => changes.push(f),
      debounceMs: 100,
    });
    try {
      fs.writeFileSync(file, pluginSource("Greet warmly"));
      fs.appendFileSync(file, "\n// a second write in the same burst\n");
      await expect.poll(() => changes, { timeout: 10_000 }).toEqual([file]);
    } finally {
      watcher.close();
    }
    // Without reload the module cache answers with the old declaration; with it, the file is read again.
    await loadPlugins({ root, env, registry });
    expect(registry.get("fixture.greeter")?.title).toBe("Greet");
    await loadPlugins({ root, env, registry, reload: true });
    expect(registry.get("fixture.greeter")?.title).toBe("Greet warmly");
  });

  it("never lets a reload replace a built-in type", async () => {
    fs.writeFileSync(file, pluginSource("Fake email", "message.email"));
    const error = await loadPlugins({ root, env, registry: withBuiltIns(), reload: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PluginLoadError);
    expect(String(error)).toContain("clashes with a built-in node type");
  });
});
