/**
 * A TCP gate on 127.0.0.1 in front of a real server (the SMTP sink): it forwards connections while open and, while
 * closed, is not listening at all, so clients get ECONNREFUSED, as from a relay that is down. Closing also ends the
 * connections it forwards (a pooled SMTP connection would otherwise keep working).
 */
import net from "node:net";

export type TcpGate = {
  port: number;
  /** Connections forwarded so far. */
  forwarded: () => number;
  /** Stops listening and ends the live connections: new ones are refused. */
  shut(): Promise<void>;
  /** Listens again on the same port. */
  open(): Promise<void>;
  close(): Promise<void>;
};

export async function startTcpGate(target: { host: string; port: number }): Promise<TcpGate> {
  const live = new Set<net.Socket>();
  let forwarded = 0;
  const server = net.createServer((client) => {
    forwarded++;
    const upstream = net.connect(target.port, target.host);
    live.add(client);
    client.pipe(upstream).pipe(client);
    const end = () => {
      live.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  await listen(0);
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  const port = address.port;
  const shut = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of live) socket.destroy();
    });
  return {
    port,
    forwarded: () => forwarded,
    shut,
    open: () => (server.listening ? Promise.resolve() : listen(port)),
    close: shut,
  };
}
