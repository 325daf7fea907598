/** `OMNIJOURNEY_ALLOWED_HOSTS`: comma-separated `host` or `host:port` (`[::1]:8080` for IPv6) the guard lets through. */

/** One allow-list entry; without a port it allows every port of the host. */
export type AllowedHost = { host: string; port: number | null };

const normaliseHost = (host: string): string =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");

/** Parses the allow-list; entries that are not `host` or `host:port` throw, naming the entry. */
export function parseAllowedHosts(value: string | undefined): AllowedHost[] {
  if (!value?.trim()) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^(\[[0-9a-f:.]+\]|[^:\s]+)(?::(\d{1,5}))?$/i.exec(entry);
      if (!match?.[1])
        throw new Error(`OMNIJOURNEY_ALLOWED_HOSTS: "${entry}" is not host or host:port`);
      return {
        host: normaliseHost(match[1]),
        port: match[2] === undefined ? null : Number(match[2]),
      };
    });
}

/** Whether `host` (a name as written in the URL, or an address it resolved to) on `port` is allow-listed. */
export function isAllowedHost(
  allowed: readonly AllowedHost[],
  host: string,
  port: number,
): boolean {
  const wanted = normaliseHost(host);
  return allowed.some(
    (entry) => entry.host === wanted && (entry.port === null || entry.port === port),
  );
}
