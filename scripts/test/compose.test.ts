import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** `docker compose` (the v2 plugin) or Debian's `docker-compose`, whichever this machine has. */
function composeCommand(): string[] | null {
  if (spawnSync("docker", ["compose", "version"]).status === 0) return ["docker", "compose"];
  if (spawnSync("docker-compose", ["version"]).status === 0) return ["docker-compose"];
  return null;
}
const compose = composeCommand();
const credentials = {
  OMNIJOURNEY_ADMIN_TOKEN: "compose-check",
  OMNIJOURNEY_WRITE_KEY: "compose-check",
};

describe.skipIf(!compose)("docker-compose.yml", () => {
  const [command = "", ...prefix] = compose ?? [];
  const config = (env: NodeJS.ProcessEnv) =>
    spawnSync(command, [...prefix, "config"], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });

  it("is a valid compose file with the production services", () => {
    const result = config(credentials);
    expect(result.stderr).not.toMatch(/invalid|error/i);
    expect(result.status).toBe(0);
    for (const service of [
      "mongo",
      "postgresql",
      "temporal",
      "temporal-ui",
      "maildev",
      "worker",
      "api",
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${service}:$`, "m"));
    }
  });

  it("refuses to start the API without the admin token", () => {
    const result = config({ OMNIJOURNEY_ADMIN_TOKEN: "", OMNIJOURNEY_WRITE_KEY: "x" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("set OMNIJOURNEY_ADMIN_TOKEN");
  });
});
