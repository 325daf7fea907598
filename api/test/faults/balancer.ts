/**
 * A tiny round-robin HTTP load balancer on 127.0.0.1 in front of several API processes, as a production proxy
 * would stand in front of them; it counts the answers each upstream gave.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Balancer = {
  url: string;
  /** Answers received from each upstream, in the order given. */
  answered: number[];
  close(): Promise<void>;
};

export async function startBalancer(upstreams: string[]): Promise<Balancer> {
  const answered = upstreams.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next++ % upstreams.length;
    const target = new URL(req.url ?? "/", upstreams[index]);
    const forward = http.request(
      target,
      // A fresh connection per request: a reused keep-alive socket the upstream just closed would read as a 502.
      { method: req.method, headers: { ...req.headers, host: target.host }, agent: false },
      (upstream) => {
        answered[index] = (answered[index] ?? 0) + 1;
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      },
    );
    forward.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo; // why: a TCP listen always reports an AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
