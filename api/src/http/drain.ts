import type { Server } from "node:http";

/** How long in-flight requests may take to finish once the API is asked to stop. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops accepting connections, lets the requests in flight finish (idle keep-alive connections are closed at
 * once), and after `graceMs` cuts whatever is still open, so a stuck client cannot hold the shutdown.
 */
export const drain = async (server: Server, graceMs: number): Promise<void> => {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
};
