import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local server that speaks Slack's incoming-webhook API (POST JSON with `text`, answered "ok"; anything
 * else "invalid_payload" with a 400) and tells a test what it received: `GET /received` lists the bodies.
 */
export async function startSlackReceiver() {
  const received: unknown[] = [];
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/received") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        // Not JSON: refused below like Slack does.
      }
      const valid = typeof body === "object" && body !== null && "text" in body;
      if (valid) received.push(body);
      res
        .writeHead(valid ? 200 : 400, { "content-type": "text/plain" })
        .end(valid ? "ok" : "invalid_payload");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // why: listen() on a TCP port yields an AddressInfo
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
