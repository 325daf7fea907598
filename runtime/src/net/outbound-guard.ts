/**
 * The outbound guard: every HTTP call to an address from configuration or content (the webhook node, providers
 * with a base URL, web push endpoints, plugins' `http`) goes through {@link guardedFetch}. Its connector resolves
 * the host, refuses when any resolved address is loopback, private, link-local, metadata or otherwise not public
 * (unless allow-listed in OMNIJOURNEY_ALLOWED_HOSTS), then connects to the very address it checked: no second
 * lookup a DNS rebinding could answer differently. Redirects open their connections through it too.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";
import { isAllowedHost, parseAllowedHosts, type AllowedHost } from "./allowed-hosts.js";
import { blockedKind } from "./blocked-addresses.js";

/** A request the guard refused before connecting. */
export class OutboundBlockedError extends Error {
  constructor(host: string, reason: string) {
    super(`outbound request to ${host} refused: ${reason} (allow it in OMNIJOURNEY_ALLOWED_HOSTS)`);
    this.name = "OutboundBlockedError";
  }
}

/** Resolves every address of a host name (the `dns.lookup` shape, so tests can answer with their own). */
export type HostLookup = (hostname: string) => Promise<LookupAddress[]>;

const systemLookup: HostLookup = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

export type GuardOptions = {
  /** Defaults to OMNIJOURNEY_ALLOWED_HOSTS. */
  allowedHosts?: readonly AllowedHost[];
  lookup?: HostLookup;
  /** Connect timeout; the caller's signal bounds the whole request. */
  connectTimeoutMs?: number;
};

/** The address to connect to: the first resolved one, after every resolved one passed the check. */
async function checkedAddress(
  hostname: string,
  port: number,
  allowed: readonly AllowedHost[],
  lookup: HostLookup,
): Promise<string> {
  const addresses = isIP(hostname)
    ? [{ address: hostname, family: isIP(hostname) }]
    : await lookup(hostname);
  const first = addresses[0];
  if (!first) throw new OutboundBlockedError(hostname, "the name resolves to no address");
  if (isAllowedHost(allowed, hostname, port)) return first.address;
  for (const { address } of addresses) {
    const kind = blockedKind(address);
    if (kind && !isAllowedHost(allowed, address, port))
      throw new OutboundBlockedError(
        `${hostname}:${port}`,
        address === hostname ? `${kind} address` : `it resolves to ${address}, a ${kind} address`,
      );
  }
  return first.address;
}

/** An undici dispatcher whose every connection passes the guard. */
export function createGuardedAgent(options: GuardOptions = {}): Agent {
  const allowed = options.allowedHosts ?? parseAllowedHosts(process.env.OMNIJOURNEY_ALLOWED_HOSTS);
  const lookup = options.lookup ?? systemLookup;
  const connect = buildConnector({ timeout: options.connectTimeoutMs ?? 10_000 });
  return new Agent({
    connect: (connectOptions, callback) => {
      const port = Number(connectOptions.port) || (connectOptions.protocol === "https:" ? 443 : 80);
      const { hostname } = connectOptions;
      checkedAddress(hostname, port, allowed, lookup).then(
        (address) =>
          connect(
            {
              ...connectOptions,
              hostname: address,
              // TLS still verifies the certificate against the name, not the address.
              servername: connectOptions.servername ?? (isIP(hostname) ? undefined : hostname),
            },
            callback,
          ),
        (error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error)), null),
      );
    },
  });
}

// One agent per allow-list value: connections are pooled, and a test that changes the variable gets a new one.
let shared: { allowList: string; agent: Agent } | null = null;
function agentForEnvironment(): Agent {
  const allowList = process.env.OMNIJOURNEY_ALLOWED_HOSTS ?? "";
  if (shared?.allowList !== allowList) shared = { allowList, agent: createGuardedAgent() };
  return shared.agent;
}

/** The guard's reason when a fetch failed because it refused the target (undici wraps it in `cause`). */
export function guardRefusal(error: unknown): OutboundBlockedError | null {
  if (error instanceof OutboundBlockedError) return error;
  return error instanceof Error && error.cause instanceof OutboundBlockedError ? error.cause : null;
}

/**
 * `fetch` behind the outbound guard (OMNIJOURNEY_ALLOWED_HOSTS, or `agent`). A refusal rejects with
 * {@link OutboundBlockedError} itself, before any connection is made.
 */
export async function guardedFetch(
  url: string | URL,
  init: RequestInit = {},
  agent: Agent = agentForEnvironment(),
): Promise<Response> {
  try {
    // why: undici's own fetch (so its Agent is the dispatcher it was built for) declares undici's copy of
    // the fetch types; they are the declarations Node's global `Response`/`RequestInit` come from
    return (await undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    })) as unknown as Response;
  } catch (error) {
    throw guardRefusal(error) ?? error;
  }
}
