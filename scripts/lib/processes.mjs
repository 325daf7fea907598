import fs from "node:fs";

/** Pids of live processes whose environment carries OMNIJOURNEY_RUN_TAG=<tag> (Linux /proc). */
export function processesTagged(tag) {
  const needle = `OMNIJOURNEY_RUN_TAG=${tag}\0`;
  const pids = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
      if (
        state !== "Z" &&
        `${fs.readFileSync(`/proc/${entry}/environ`, "utf8")}\0`.includes(needle)
      )
        pids.push(Number(entry));
    } catch {
      // exited while we looked, or not ours to read
    }
  }
  return pids;
}
