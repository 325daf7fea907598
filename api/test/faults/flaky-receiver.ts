/**
 * A webhook receiver on 127.0.0.1 that misbehaves until told otherwise: it answers 500 to one call and never
 * answers the next (the sender's timeout ends it), in turn, and 200 once healed. Every call is recorded with its
 * Idempotency-Key and what it got, so a test can count the deliveries that were accepted.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Call = { key: string; path: string; answer: 200 | 500 | "none" };

export type FlakyReceiver = {
  url: string;
  hostPort: string;
  calls: Call[];
  heal(): void;
  close(): Promise<void>;
};

export async function startFlakyReceiver(): Promise<FlakyReceiver> {
  const calls: Call[] = [];
  const hanging = new Set<http.ServerResponse>();
  let healed = false;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const key = String(req.headers["idempotency-key"] ?? "");
      const path = req.url ?? "";
      if (healed) {
        calls.push({ key, path, answer: 200 });
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      } else if (calls.length % 2 === 0) {
        calls.push({ key, path, answer: 500 });
        res.writeHead(500).end("upstream exploded");
      } else {
        calls.push({ key, path, answer: "none" });
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo; // why: a TCP listen always reports an AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    calls,
    heal: () => {
      healed = true;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
