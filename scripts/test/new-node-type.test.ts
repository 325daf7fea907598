import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeTypeRegistry } from "@omnijourney/shared";
import { loadPlugins } from "@omnijourney/runtime";

// `npm run new-node-type` into a scratch project root inside the clone (so the generated plugin resolves
// @omnijourney/shared, zod and vitest from the repository's node_modules), then the checks CI runs on code.
const repo = path.resolve(import.meta.dirname, "../..");
const scratch = path.join(repo, ".data", `scaffold-${randomUUID()}`);
const folder = path.join(scratch, "plugins", "acme-thing");

const run = (command: string, args: string[]) =>
  spawnSync(command, args, { cwd: repo, encoding: "utf8", timeout: 180_000 });
const scaffold = (...args: string[]) =>
  run("npm", ["run", "--silent", "new-node-type", "--", ...args, "--root", scratch]);
const output = (r: ReturnType<typeof run>) => `${r.stdout}${r.stderr}`;

beforeAll(() => {
  fs.mkdirSync(scratch, { recursive: true });
  const created = scaffold("acme.thing");
  expect(created.status, output(created)).toBe(0);
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("npm run new-node-type", () => {
  it("creates the plugin, its test, a tsconfig and the configuration entry", () => {
    expect(fs.readdirSync(folder).sort()).toEqual(["index.test.ts", "index.ts", "tsconfig.json"]);
    const config = fs.readFileSync(path.join(scratch, "omnijourney.config.mjs"), "utf8");
    expect(config).toContain('"./plugins/acme-thing/index.ts"');
  });

  it("writes code that passes typecheck", () => {
    const result = run("npx", ["tsc", "-p", folder]);
    expect(result.status, output(result)).toBe(0);
  });

  it("writes code that passes lint", () => {
    // --no-ignore: the scratch root sits under .data/, which the repository's lint ignores.
    const result = run("npx", ["eslint", "--no-ignore", "--max-warnings=0", folder]);
    expect(result.status, output(result)).toBe(0);
    const config = path.join(scratch, "omnijourney.config.mjs");
    // An ignore file that does not exist: the repository's .prettierignore skips .data/.
    const format = run("npx", ["prettier", "--check", "--ignore-path", ".none", folder, config]);
    expect(format.status, output(format)).toBe(0);
  });

  it("writes a test that passes", () => {
    const result = run("npx", ["vitest", "run", "--root", folder]);
    expect(result.status, output(result)).toBe(0);
    expect(output(result)).toMatch(/3 passed/);
  });

  it("is loaded by configuration alone", async () => {
    const registry = new NodeTypeRegistry();
    await loadPlugins({ root: scratch, env: {}, registry });
    const thing = registry.get("acme.thing");
    expect(thing?.title).toBe("Acme thing");
    expect(thing?.outputsFor(thing.config.parse({ message: "Hi" }))).toEqual(["next", "failed"]);
  });

  it("adds a second plugin to the existing configuration", () => {
    const second = scaffold("acme.other_thing");
    expect(second.status, output(second)).toBe(0);
    const config = fs.readFileSync(path.join(scratch, "omnijourney.config.mjs"), "utf8");
    expect(config).toContain('"./plugins/acme-thing/index.ts"');
    expect(config).toContain('"./plugins/acme-other_thing/index.ts"');
  });

  it("refuses a bad name and an existing folder with a clear message", () => {
    const bad = scaffold("Thing");
    expect(bad.status).toBe(1);
    expect(output(bad)).toContain("lower-case words joined by dots");
    const again = scaffold("acme.thing");
    expect(again.status).toBe(1);
    expect(output(again)).toContain("plugins/acme-thing already exists");
  });
});
