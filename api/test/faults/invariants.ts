/**
 * How every fault test ends: every acknowledged event stored once, every send sent once, every enrolment where it
 * should be. Each check reads the ground truth (the events collection, the sink's own inbox or the receiver's log,
 * Temporal's list of executions) rather than the API's account of itself.
 */
import { expect, inject } from "vitest";
import { eventually } from "../helpers/api.js";
import type { FaultApi } from "./stack.js";

type EnrolmentStatus = "active" | "completed" | "exited" | "failed" | "cancelled" | "converted";

/** Each acknowledged messageId is stored exactly once, and nothing else was stored for the event. */
export async function expectEachEventStoredOnce(
  stack: FaultApi,
  event: string,
  acknowledged: string[],
): Promise<void> {
  const stored = await stack.t.context.db.events
    .find({ event }, { projection: { messageId: 1 } })
    .toArray();
  const perId = new Map<string, number>();
  for (const e of stored) perId.set(String(e.messageId), (perId.get(String(e.messageId)) ?? 0) + 1);
  const missing = acknowledged.filter((id) => !perId.has(id));
  const doubled = [...perId].filter(([, n]) => n > 1).map(([id]) => id);
  expect(missing, "acknowledged but not stored").toEqual([]);
  expect(doubled, "stored twice").toEqual([]);
  expect(perId.size).toBe(new Set(acknowledged).size);
}

/** The outbox drained, and each profile's counter holds each of its stored events once. */
export async function expectFannedOutOnce(stack: FaultApi, event: string): Promise<void> {
  const db = stack.t.context.db;
  await eventually(
    async () => (await db.outbox.countDocuments({})) === 0,
    120_000,
    "the outbox to drain",
  );
  const stored = await db.events.countDocuments({ event });
  const profiles = await db.profiles.find({ profileId: { $in: stack.users } }).toArray();
  const counted = profiles.reduce((sum, p) => sum + (p.counters[event]?.count ?? 0), 0);
  expect(counted).toBe(stored);
}

/**
 * Each of `profiles` has exactly one enrolment in the journey, in `status`, and Temporal ran exactly one
 * execution for it (the journey does not re-enter).
 */
export async function expectOneEnrolmentEach(
  stack: FaultApi,
  profiles: string[],
  status: EnrolmentStatus = "completed",
  timeoutMs = 180_000,
): Promise<void> {
  const db = stack.t.context.db;
  let seen = "none";
  await eventually(
    async () => {
      const all = await db.enrolments
        .find({ journeyId: stack.journeyId }, { projection: { status: 1 } })
        .toArray();
      const byStatus = new Map<string, number>();
      for (const e of all) byStatus.set(e.status, (byStatus.get(e.status) ?? 0) + 1);
      seen = [...byStatus].map(([s, n]) => `${n} ${s}`).join(", ") || "none";
      return (byStatus.get(status) ?? 0) >= profiles.length;
    },
    timeoutMs,
    `${profiles.length} enrolments ${status}`,
  ).catch((err: unknown) => {
    throw new Error(`${String(err)}; enrolments at the end: ${seen}`);
  });
  const enrolments = await db.enrolments.find({ journeyId: stack.journeyId }).toArray();
  expect(enrolments.map((e) => e.profileId).sort()).toEqual([...profiles].sort());
  expect(enrolments.every((e) => e.status === status)).toBe(true);
  const executions: string[] = [];
  for await (const w of stack.t.context.temporal.workflow.list({
    query: `TaskQueue = "${stack.t.taskQueue}"`,
  }))
    executions.push(w.workflowId);
  expect(new Set(executions).size).toBe(executions.length);
  const named = new Set(profiles);
  const extra = executions.filter((id) => !named.has(id.split(":profile:")[1] ?? ""));
  expect(extra, "executions for no expected profile").toEqual([]);
  expect(executions.length).toBe(profiles.length);
}

type Mail = { subject: string; to: { address: string }[] };

/** The SMTP sink's inbox holds exactly one email for each address (none lost, none doubled). */
export async function expectOneEmailEach(addresses: string[], timeoutMs = 60_000): Promise<void> {
  const mailApi = inject("engines").mailApiUrl;
  const wanted = new Set(addresses);
  const counts = await eventually(
    async () => {
      const all = (await (await fetch(`${mailApi}/email`)).json()) as Mail[];
      const perAddress = new Map<string, number>();
      for (const m of all)
        for (const to of m.to)
          if (wanted.has(to.address))
            perAddress.set(to.address, (perAddress.get(to.address) ?? 0) + 1);
      return perAddress.size >= wanted.size ? perAddress : null;
    },
    timeoutMs,
    `an email for each of ${addresses.length} addresses`,
  );
  // A moment more, for a duplicate that would arrive late.
  await new Promise((r) => setTimeout(r, 1_000));
  const doubled = [...counts].filter(([, n]) => n > 1).map(([address]) => address);
  expect(doubled, "addresses that got two emails").toEqual([]);
}

/** Each profile's message from the journey was logged once, as sent. */
export async function expectOneMessageSentEach(stack: FaultApi, profiles: string[]): Promise<void> {
  const messages = await stack.t.context.db.messages
    .find({ journeyId: stack.journeyId }, { projection: { profileId: 1, status: 1 } })
    .toArray();
  expect(messages.map((m) => m.profileId).sort()).toEqual([...profiles].sort());
  expect(messages.filter((m) => m.status !== "sent" && m.status !== "delivered")).toEqual([]);
}

/**
 * The whole account of a fault test, in order: each acknowledged event stored once and fanned out once, each
 * profile enrolled once (journey completed), its message logged once as sent, and, for email journeys, one
 * email each in the sink.
 */
export async function expectEverythingOnce(
  stack: FaultApi & { domain: string },
  event: string,
  acknowledged: { messageId: string }[],
  { emails = true }: { emails?: boolean } = {},
): Promise<void> {
  await expectEachEventStoredOnce(
    stack,
    event,
    acknowledged.map((s) => s.messageId),
  );
  await expectFannedOutOnce(stack, event);
  await expectOneEnrolmentEach(stack, stack.users);
  await expectOneMessageSentEach(stack, stack.users);
  if (emails) await expectOneEmailEach(stack.users.map((u) => `${u}@${stack.domain}`));
}
