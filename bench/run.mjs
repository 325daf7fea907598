// `npm run bench` runs every benchmark in bench/ (or `npm run bench -- <name>` those whose file
// name contains <name>). Each benchmark is a script that prints one or more lines
// `BENCH {"name","value","unit","baseline","ratio","target","ok"}`; this collects them into
// bench/results.json with a timestamp and prints a table.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildAll, installDependencies } from "../scripts/lib/bootstrap.mjs";

const dir = import.meta.dirname;
const filter = process.argv[2] ?? "";
const scripts = fs
  .readdirSync(dir)
  .filter(
    (file) =>
      file.endsWith(".mjs") && file !== "run.mjs" && !file.startsWith("_") && file.includes(filter),
  )
  .sort();
if (!scripts.length) {
  console.error(`no benchmark matches "${filter}" in bench/`);
  process.exit(2);
}

installDependencies();
buildAll();

const results = [];
let failures = 0;
for (const script of scripts) {
  console.log(`\n» ${script}`);
  const run = spawnSync(process.execPath, [path.join(dir, script)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    cwd: path.join(dir, ".."),
  });
  process.stdout.write(run.stdout ?? "");
  const lines = (run.stdout ?? "").split("\n").filter((line) => line.startsWith("BENCH "));
  if (run.status !== 0 || !lines.length) {
    failures++;
    console.error(`${script} failed (exit ${run.status}) or printed no BENCH line`);
  }
  for (const line of lines)
    results.push({ ...JSON.parse(line.slice(6)), at: new Date().toISOString() });
}

fs.writeFileSync(path.join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log("\nname | value | baseline | ratio | target | ok");
for (const r of results)
  console.log(
    `${r.name} | ${r.value} ${r.unit} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.ok ? "yes" : "NO"}`,
  );
process.exit(failures ? 1 : 0);
