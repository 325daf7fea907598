import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  at: number;
};
export type FakeReply =
  { status: number; headers?: Record<string, string>; body?: string | object } | "hang";
export type FakeServer = { url: string; requests: ReceivedRequest[]; close(): Promise<void> };

/**
 * Lets the outbound guard through to one local `host:port` (the providers refuse loopback otherwise);
 * returns the function that takes it off the list again.
 */
export function allowHost(hostPort: string): () => void {
  const listed = () => (process.env.OMNIJOURNEY_ALLOWED_HOSTS ?? "").split(",").filter(Boolean);
  process.env.OMNIJOURNEY_ALLOWED_HOSTS = [...listed(), hostPort].join(",");
  return () => {
    process.env.OMNIJOURNEY_ALLOWED_HOSTS = listed()
      .filter((entry) => entry !== hostPort)
      .join(",");
  };
}

/**
 * A local HTTP server on 127.0.0.1 (allow-listed for the outbound guard while it runs) and a free port that plays a provider's API: the handler checks
 * what arrived and answers as the real API would. "hang" never answers (for timeouts).
 */
export async function startFakeServer(
  handler: (request: ReceivedRequest, index: number) => FakeReply | Promise<FakeReply>,
): Promise<FakeServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const received: ReceivedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body,
        text: body.toString("utf8"),
        at: Date.now(),
      };
      requests.push(received);
      Promise.resolve(handler(received, requests.length - 1))
        .then((reply) => {
          if (reply === "hang") return;
          const payload =
            reply.body === undefined
              ? ""
              : typeof reply.body === "string"
                ? reply.body
                : JSON.stringify(reply.body);
          res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
          res.end(payload);
        })
        .catch((error: unknown) => {
          res.writeHead(599, { "content-type": "text/plain" });
          res.end(`fake server handler threw: ${String(error)}`);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // listen() on a TCP port always yields an AddressInfo, never a pipe name string.
  const { port } = server.address() as AddressInfo;
  const disallow = allowHost(`127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        disallow();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that nothing listens on (bound, then released), allow-listed so a request reaches the refused connect. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // As above: a TCP listener's address is an AddressInfo.
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  allowHost(`127.0.0.1:${port}`);
  return port;
}
