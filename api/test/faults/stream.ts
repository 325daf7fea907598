/**
 * A steady stream of `POST /v1/track` at a fixed rate, whatever the answers (requests overlap when the API is
 * slow), each with a client timeout. Every request is recorded with its status and latency; `deliver` then does
 * what a Segment client does with the ones that were not acknowledged: sends them again, same messageId, until
 * they are.
 */
import { randomBytes } from "node:crypto";
import { WRITE_KEY } from "../helpers/api.js";

export type Sent = {
  messageId: string;
  userId: string;
  /** HTTP status, or 0 when the request failed or timed out on the client. */
  status: number;
  retryAfter: string | null;
  ms: number;
  at: number;
};

export type TrackStream = {
  sent: Sent[];
  /** Stops sending and waits for the requests in flight. */
  stop(): Promise<Sent[]>;
};

const auth = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`;

/** One track call, never throwing: a network error or a client timeout is status 0. */
export async function track(
  baseUrl: string,
  body: { messageId: string; userId: string; event: string },
  timeoutMs: number,
): Promise<Omit<Sent, "messageId" | "userId">> {
  const at = Date.now();
  try {
    const res = await fetch(`${baseUrl}/v1/track`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return {
      status: res.status,
      retryAfter: res.headers.get("retry-after"),
      ms: Date.now() - at,
      at,
    };
  } catch {
    return { status: 0, retryAfter: null, ms: Date.now() - at, at };
  }
}

export function trackStream(options: {
  baseUrl: string;
  event: string;
  users: string[];
  perSecond: number;
  timeoutMs: number;
}): TrackStream {
  const run = randomBytes(3).toString("hex");
  const sent: Sent[] = [];
  const inFlight = new Set<Promise<void>>();
  let i = 0;
  const begin = Date.now();
  const fire = () => {
    const n = i++;
    const userId = options.users[n % options.users.length] ?? "nobody";
    const messageId = `${run}-${n}`;
    const p = track(
      options.baseUrl,
      { messageId, userId, event: options.event },
      options.timeoutMs,
    ).then((r) => {
      sent.push({ messageId, userId, ...r });
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  // On a loaded machine timers fire late: each tick sends what the rate owes so far, so the stream keeps its rate.
  const timer = setInterval(() => {
    const owed = Math.floor(((Date.now() - begin) / 1000) * options.perSecond);
    while (i < owed) fire();
  }, 1000 / options.perSecond);
  return {
    sent,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(inFlight);
      return sent.sort((a, b) => a.at - b.at);
    },
  };
}

/** Sends every request that was not acknowledged again, as the client would, until each is; bounded. */
export async function deliverRefused(
  baseUrl: string,
  sent: Sent[],
  event: string,
  timeoutMs = 60_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let retried = 0;
  for (const s of sent.filter((x) => x.status !== 200)) {
    for (;;) {
      if (Date.now() > deadline) throw new Error(`${s.messageId} was never acknowledged`);
      retried++;
      const r = await track(baseUrl, { messageId: s.messageId, userId: s.userId, event }, 10_000);
      if (r.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return retried;
}

/** Latency percentile of a list of samples (ms). */
export const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Answers by status in 5 s buckets from `from` (for the log of a fault test): `+0s 200×48 503×2 | +5s …`. */
export const timeline = (sent: Sent[], from: number): string => {
  const buckets = new Map<number, Map<number, number>>();
  for (const s of sent) {
    const bucket = Math.floor((s.at - from) / 5_000) * 5;
    const counts = buckets.get(bucket) ?? new Map<number, number>();
    counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
    buckets.set(bucket, counts);
  }
  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(
      ([b, counts]) =>
        `${b >= 0 ? "+" : ""}${b}s ${[...counts].map(([st, n]) => `${st || "timeout"}×${n}`).join(" ")}`,
    )
    .join(" | ");
};

/** The fault tests' stream: 10 events a second over the stack's people, each request with its client timeout. */
export const streamTo = (
  stack: { url: string; users: string[] },
  event: string,
  timeoutMs: number,
): TrackStream =>
  trackStream({ baseUrl: stack.url, event, users: stack.users, perSecond: 10, timeoutMs });

/** A short stream (3 s) before a fault downstream of ingestion: every request must be acknowledged. */
export async function acknowledgedBurst(
  stack: { url: string; users: string[] },
  event: string,
): Promise<Sent[]> {
  const stream = streamTo(stack, event, 15_000);
  await new Promise((r) => setTimeout(r, 3_000));
  const sent = await stream.stop();
  const refused = sent.filter((s) => s.status !== 200);
  if (refused.length > 0)
    throw new Error(`${refused.length} of ${sent.length} events were not acknowledged`);
  return sent;
}
