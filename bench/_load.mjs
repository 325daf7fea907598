// The load generator of the HTTP benchmarks: a second process on loopback (this file run with `--load <json>`)
// drives autocannon at a fixed overall rate for a bounded time and prints its result as JSON. `load()` runs it
// and resolves with that result: p50/p99/mean latency (ms), acknowledged per second, non-2xx, errors.
import { spawn } from "node:child_process";

if (process.argv[2] === "--load") {
  const { default: autocannon } = await import("autocannon");
  const { url, path, rate, seconds, auth, connections } = JSON.parse(process.argv[3]);
  let n = 0;
  const track = path === "/v1/track";
  const result = await autocannon({
    url: `${url}${path}`,
    connections,
    overallRate: rate,
    duration: seconds,
    timeout: 10,
    requests: [
      track
        ? {
            method: "POST",
            headers: { authorization: auth, "content-type": "application/json" },
            setupRequest: (req) => {
              n++;
              return {
                ...req,
                body: JSON.stringify({
                  messageId: `bench-${process.pid}-${rate}-${n}`,
                  userId: `user-${n % 500}`,
                  event: "product_viewed",
                  properties: { sku: `sku-${n % 40}`, price: n % 100 },
                  timestamp: new Date().toISOString(),
                }),
              };
            },
          }
        : { method: "GET" },
    ],
  });
  const ok = result["2xx"];
  console.log(
    JSON.stringify({
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: result.latency.mean,
      rps: ok / seconds,
      ok,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    }),
  );
  process.exit(0);
}

/**
 * Loads `url + path` at `rate` requests/s for `seconds` from a child process. `/v1/track` posts a fresh event
 * (unique messageId) with `writeKey` as the Basic user; any other path is a GET. The child is killed if it
 * overruns by 30 s.
 */
export function load({ url, path, rate, seconds, writeKey, connections }) {
  const auth = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
  const args = [
    import.meta.filename,
    "--load",
    // Little's law for a 100 ms target by default: rate x 0.1 s requests in flight suffice.
    JSON.stringify({
      url,
      path,
      rate,
      seconds,
      auth,
      connections: connections ?? Math.max(1, Math.ceil(rate / 10)),
    }),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), (seconds + 30) * 1000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
      else resolve(JSON.parse(out.trim().split("\n").pop()));
    });
  });
}
