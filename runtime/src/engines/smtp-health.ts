import net from "node:net";

/** Answers true when an SMTP server greets with a 220 banner. */
export function smtpIsHealthy(smtpUrl: string, timeoutMs = 2000): Promise<boolean> {
  const url = new URL(smtpUrl);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 25) });
    const done = (healthy: boolean) => {
      socket.destroy();
      resolve(healthy);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("data", (chunk) => done(chunk.toString().startsWith("220")));
  });
}
