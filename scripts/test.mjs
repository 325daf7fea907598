// `npm test`: install, build, provision the engines, then run every check and suite against the
// real engines: typecheck, lint, each package's Vitest suite, the repository tests and the
// Playwright e2e suite in Chromium. Prints one total, `N passed, M failed[, K skipped]`, last.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { buildAll, installDependencies, root } from "./lib/bootstrap.mjs";
import { processesTagged } from "./lib/processes.mjs";

const started = Date.now();
const resultsDir = path.join(root, ".data", "test-results");
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
// Every process this run starts inherits the tag, so leftovers can be found at the end.
const runTag = `test-${randomUUID()}`;
process.env.OMNIJOURNEY_RUN_TAG = runTag;
process.env.TURBO_TELEMETRY_DISABLED = "1";

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
/** What failed and why, printed again just above the total so the tail of a CI log tells it. */
const failures = [];
const firstLine = (text = "") =>
  stripVTControlCharacters(String(text)).trim().split("\n")[0].slice(0, 300);
function record(name, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(
    `${failed ? "✗" : "✓"} ${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`,
  );
}
function check(name, command, args, options = {}) {
  console.log(`\n» ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  record(name, result.status === 0 ? 1 : 0, result.status === 0 ? 0 : 1);
  if (result.status !== 0) failures.push(`${name}: exit code ${result.status ?? result.signal}`);
  return result.status === 0;
}

function vitestSuite(name, cwd, extraArgs = []) {
  const report = path.join(resultsDir, `${name}.json`);
  console.log(`\n» ${name} (vitest)`);
  const run = spawnSync(
    "npx",
    [
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
      ...extraArgs,
    ],
    {
      cwd,
      stdio: "inherit",
    },
  );
  if (!fs.existsSync(report)) {
    failures.push(`${name}: the suite crashed before writing its report`);
    return record(name, 0, 1);
  }
  const json = JSON.parse(fs.readFileSync(report, "utf8"));
  // A file can fail with no failed test: an import error (no tests at all) or a failing
  // beforeAll/afterAll (its tests are reported as skipped). Each such file counts as a failure.
  let failedFiles = 0;
  for (const file of json.testResults ?? []) {
    const where = `${name}: ${path.relative(root, file.name)}`;
    const failedTests = file.assertionResults.filter((test) => test.status === "failed");
    for (const test of failedTests)
      failures.push(
        `${where} › ${test.fullName ?? test.title}: ${firstLine(test.failureMessages?.[0])}`,
      );
    if (file.status === "failed" && failedTests.length === 0) {
      failedFiles += 1;
      failures.push(`${where} (the file failed outside its tests): ${firstLine(file.message)}`);
    }
  }
  // Vitest also fails a run for an error no test caught (an unhandled rejection, say).
  const unexplained = run.status !== 0 && json.numFailedTests + failedFiles === 0 ? 1 : 0;
  if (unexplained) failures.push(`${name}: vitest exited with ${run.status} (an unhandled error?)`);
  record(
    name,
    json.numPassedTests,
    json.numFailedTests + failedFiles + unexplained,
    json.numPendingTests + json.numTodoTests,
  );
}

/** The failed tests of a Playwright JSON report, with the first line of each error. */
function playwrightFailures(suite, titles = []) {
  const trail = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? [])
    for (const test of spec.tests ?? [])
      if (test.status === "unexpected") {
        const error = test.results?.at(-1)?.error?.message;
        failures.push(`e2e: ${[...trail, spec.title].join(" › ")}: ${firstLine(error)}`);
      }
  for (const child of suite.suites ?? []) playwrightFailures(child, trail);
}

function playwrightSuite() {
  const report = path.join(resultsDir, "e2e.json");
  console.log("\n» e2e (playwright, chromium)");
  spawnSync("npx", ["playwright", "test", "--reporter=list,json"], {
    cwd: path.join(root, "e2e"),
    stdio: "inherit",
    // Everything was just built: the stack the suite starts skips its own build.
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report, OMNIJOURNEY_SKIP_BUILD: "1" },
  });
  if (!fs.existsSync(report)) {
    failures.push("e2e: the suite crashed before writing its report");
    return record("e2e", 0, 1);
  }
  const { stats, suites } = JSON.parse(fs.readFileSync(report, "utf8"));
  for (const suite of suites ?? []) playwrightFailures(suite);
  record("e2e", stats.expected + stats.flaky, stats.unexpected, stats.skipped);
}

try {
  installDependencies();
  // A package that fails to build is one failed check; the suites of the others still run.
  try {
    buildAll({ keepGoing: true });
    record("build", 1, 0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    record("build", 0, 1);
  }
  const runtime = await import(pathToFileURL(path.join(root, "runtime", "dist", "index.js")).href);
  await runtime.provisionEngines((line) => console.log(`  ${line}`));
  check("typecheck", "npx", ["turbo", "run", "typecheck", "--output-logs=errors-only"]);
  check("lint", "npm", ["run", "lint", "--silent"]);
  for (const pkg of ["shared", "store", "runtime", "api", "studio"]) {
    if (fs.existsSync(path.join(root, pkg, "test"))) vitestSuite(pkg, path.join(root, pkg));
  }
  vitestSuite("repository", root, ["--config", "scripts/vitest.config.ts"]);
  if (fs.existsSync(path.join(root, "e2e", "playwright.config.ts"))) playwrightSuite();
} catch (error) {
  console.error(`\nnpm test could not run: ${error instanceof Error ? error.message : error}`);
  record("setup", 0, 1);
}

// After the suites, nothing they started may still run (guards need a moment to notice).
const deadline = Date.now() + 15_000;
while (processesTagged(runTag).length && Date.now() < deadline)
  await new Promise((r) => setTimeout(r, 500));
const leftovers = processesTagged(runTag);
if (leftovers.length) console.log(`\nprocesses left running: ${leftovers.join(", ")}`);
record("no processes left behind", leftovers.length ? 0 : 1, leftovers.length ? 1 : 0);

const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`;
fs.writeFileSync(path.join(resultsDir, "summary.txt"), `${summary}\n`);
if (failures.length) console.log(`\nFailures:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(
  `\n${lines.join("\n")}\nnpm test took ${((Date.now() - started) / 60000).toFixed(1)} min`,
);
console.log(summary);
process.exit(totals.failed ? 1 : 0);
