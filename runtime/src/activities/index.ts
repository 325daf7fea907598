import { ApplicationFailure } from "@temporalio/common";
import {
  DEFAULT_ACTIVITY_POLICY,
  durationToMs,
  evaluateCondition,
  nodeTypes as builtInRegistry,
  type Condition,
  type NodeServices,
  type NodeType,
  type NodeTypeRegistry,
  type ProfileAssignment,
  type ProfileSnapshot,
} from "@omnijourney/shared";
import type { Providers } from "../providers/factory.js";
import { nextWindowStart, resolveTimeZone } from "../time/zoned.js";
import type {
  CascadeOrderInput,
  EnrolmentRef,
  EvaluateInput,
  JourneyActivities,
  ProgressBatch,
  RecordAssignmentInput,
  ResolveWaitUntilInput,
  RunNodeInput,
  RunNodeOutput,
  SendOutcome,
  SendStepInput,
} from "../workflows/types.js";
import { KeyedQueue } from "@omnijourney/store";
import { createHttpService, secretsService, type HttpServiceLimits } from "./plugin-services.js";
import { renderFields, templateContext } from "./render.js";
import { defaultHandOverJournalFile, HandOverJournal } from "./handover-journal.js";
import { sendMessage, type SendDeps } from "./send.js";
import type { ProfileChanges, RuntimeStore } from "./store.js";

export type ActivityLogger = { info(fields: Record<string, unknown>, message: string): void };

export type ActivityDeps = {
  /** The store, or a function choosing one per enrolment (simulations keep one in-memory store each). */
  store: RuntimeStore | ((enrolment: EnrolmentRef) => RuntimeStore);
  /** Channel providers; absent in simulation mode (render, record, never send). */
  providers?: Providers;
  /** The node-type registry whose `run` functions execute activity nodes (built-ins plus custom types). */
  registry?: NodeTypeRegistry;
  unsubscribeUrl?: SendDeps["unsubscribeUrl"];
  logger?: ActivityLogger;
  /**
   * Where sends record their hand-overs (handover-journal.ts); with providers, defaults to
   * OMNIJOURNEY_HANDOVER_JOURNAL or a file in the system's temporary folder.
   */
  journal?: HandOverJournal;
  /** Bounds of `services.http` (defaults: 10 s, 5 MB). */
  httpLimits?: HttpServiceLimits;
};

function emptyProfile(profileId: string, at: Date): ProfileSnapshot {
  return {
    profileId,
    anonymousIds: [],
    attributes: {},
    consent: {},
    counters: {},
    createdAt: at,
    updatedAt: at,
  };
}

/** Converts a rendered `set` value to its declared type. */
function typedValue(
  value: string,
  type: "string" | "number" | "boolean" | "date" | "json",
): unknown {
  switch (type) {
    case "string":
      return value;
    case "number": {
      const n = Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case "boolean":
      return value.trim().toLowerCase() === "true";
    case "date": {
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? null : d;
    }
    case "json":
      try {
        return JSON.parse(value);
      } catch {
        return null;
      }
  }
}

/**
 * A `run` that never settles must not keep its activity slot (and the worker's shutdown) forever: Temporal's
 * start-to-close timeout fails the attempt on the server, but the worker only lets go of a promise that ends.
 * So the attempt ends here at the same limit, as a retryable timeout; the plugin's promise is abandoned.
 */
async function withinTimeout<T>(type: NodeType, run: Promise<T>): Promise<T> {
  const limitMs = (type.policy ?? DEFAULT_ACTIVITY_POLICY).timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          ApplicationFailure.retryable(
            `${type.type} did not answer within ${limitMs} ms`,
            "RunTimeout",
          ),
        ),
      limitMs,
    );
  });
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The config a node's `run` receives: migrated from the plan's type version when the type has moved on (a plan
 * published under an older version keeps running), then parsed by the type's schema. Neither failure heals on a
 * retry, so both are non-retryable.
 */
function runConfig(type: NodeType, input: RunNodeInput): unknown {
  const from = input.typeVersion ?? type.version;
  let config: unknown;
  try {
    config = type.upgradeConfig(input.config, from);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw ApplicationFailure.nonRetryable(
      `the config of ${input.nodeType} could not be migrated from version ${from}: ${reason}`,
      "InvalidConfig",
    );
  }
  const parsed = type.config.safeParse(config);
  if (!parsed.success)
    throw ApplicationFailure.nonRetryable(
      `invalid config for ${input.nodeType}: ${parsed.error.message}`,
      "InvalidConfig",
    );
  return parsed.data;
}

/**
 * Builds the journey activities from their dependencies (the Temporal samples' factory pattern).
 * Every input carries the workflow's time (`at`), never the wall clock, so simulations and replays agree.
 */
export function createActivities(deps: ActivityDeps): JourneyActivities {
  const registry = deps.registry ?? builtInRegistry;
  const http = createHttpService(deps.httpLimits);
  // One attempt per idempotency key at a time in this process: an attempt that outlived its timeout
  // must finish (and record "sent") before the retry looks at the key, or both would send.
  const sendsInFlight = new KeyedQueue();
  const send = (store: RuntimeStore, request: Parameters<typeof sendMessage>[1]) =>
    sendsInFlight.run(request.idempotencyKey, () => sendMessage(sendDeps(store), request));
  const storeFor = (enrolment: EnrolmentRef): RuntimeStore =>
    typeof deps.store === "function" ? deps.store(enrolment) : deps.store;
  const applyProgress = async (batch: ProgressBatch | undefined) => {
    if (batch) await storeFor(batch.enrolment).recordProgress(batch);
  };
  /**
   * Runs an activity's own work while the progress batch riding on it is written: the two are
   * independent (both idempotent on retry), so the activity takes the longer of the two, not the sum.
   */
  const withProgress = async <T>(
    batch: ProgressBatch | undefined,
    work: () => Promise<T>,
  ): Promise<T> => {
    const progress = applyProgress(batch);
    // Handled below; without this, a progress failure while `work` still runs is an unhandled rejection.
    progress.catch(() => undefined);
    try {
      return await work();
    } finally {
      await progress;
    }
  };
  const loadProfile = async (store: RuntimeStore, enrolment: EnrolmentRef, at: Date) =>
    (await store.getProfile(enrolment.profileId)) ?? emptyProfile(enrolment.profileId, at);
  const journal =
    deps.journal ??
    (deps.providers ? new HandOverJournal(defaultHandOverJournalFile()) : undefined);
  const sendDeps = (store: RuntimeStore): SendDeps => ({
    store,
    ...(deps.providers ? { providers: deps.providers } : {}),
    ...(journal ? { journal } : {}),
    ...(deps.unsubscribeUrl ? { unsubscribeUrl: deps.unsubscribeUrl } : {}),
  });
  const evaluateFor = async (
    store: RuntimeStore,
    enrolment: EnrolmentRef,
    at: Date,
    condition: Condition,
  ) => {
    const [profile, events] = await Promise.all([
      loadProfile(store, enrolment, at),
      store.pendingEvents(enrolment.profileId),
    ]);
    return evaluateCondition(condition, { profile, events, now: at });
  };

  return {
    runNode(input: RunNodeInput): Promise<RunNodeOutput> {
      return withProgress(input.progress, async () => {
        const store = storeFor(input.enrolment);
        const type = registry.get(input.nodeType);
        if (!type?.run)
          throw ApplicationFailure.nonRetryable(
            `node type ${input.nodeType} has no run() in this worker`,
            "UnknownNodeType",
          );
        const config = runConfig(type, input);
        const at = new Date(input.at);
        const profile = await loadProfile(store, input.enrolment, at);
        const context = templateContext({
          profile,
          event: input.event,
          journeyId: input.enrolment.journeyId,
          version: input.enrolment.version,
        });
        let sends = 0;
        const services: NodeServices = {
          send: (request) => {
            sends += 1;
            // The first send of a visit keeps the plain key; a custom node sending more gets a suffix per send.
            const suffix = sends === 1 ? "" : `:${sends}`;
            return send(store, {
              enrolment: input.enrolment,
              nodeId: input.nodeId,
              idempotencyKey: `${input.enrolment.enrolmentId}:${input.nodeId}:${input.visit}${suffix}`,
              channel: request.channel,
              content: request.content,
              category: request.category,
              event: input.event,
              at,
              policy: input.policy,
              ...(request.linkTracking ? { linkTracking: request.linkTracking } : {}),
            });
          },
          updateProfile: async (assignments: ProfileAssignment[]) => {
            const changes: ProfileChanges = { set: {}, unset: [], inc: {} };
            for (const a of assignments) {
              if (a.op === "set") {
                const [value = ""] = Object.values(await renderFields({ value: a.value }, context));
                changes.set[a.attr] = typedValue(value, a.valueType);
              } else if (a.op === "unset") changes.unset.push(a.attr);
              else changes.inc[a.attr] = (changes.inc[a.attr] ?? 0) + a.by;
            }
            await store.updateProfile(input.enrolment.profileId, changes);
          },
          isInSegment: async (segmentId: string) => {
            const condition = await store.getSegmentCondition(segmentId);
            return condition ? evaluateFor(store, input.enrolment, at, condition) : false;
          },
          log: (message, fields) =>
            deps.logger?.info({ ...fields, ...input.enrolment, nodeId: input.nodeId }, message),
          http,
          secrets: secretsService(store),
          render: async (template) =>
            (await renderFields({ template }, context, { snippets: await store.getSnippets() }))
              .template ?? "",
        };
        const result = await withinTimeout(
          type,
          type.run({
            config,
            profile,
            event: input.event,
            enrolment: { ...input.enrolment, nodeId: input.nodeId, visit: input.visit },
            services,
          }),
        );
        if (!type.outputsFor(config).includes(result.output))
          // Retryable: a plugin answering from a flaky upstream may pick a valid port next time.
          throw ApplicationFailure.retryable(
            `${input.nodeType} returned the unknown port "${result.output}"`,
            "UnknownPort",
          );
        return {
          output: result.output,
          ...(result.deferUntil ? { deferUntil: result.deferUntil } : {}),
        };
      });
    },

    sendStep(input: SendStepInput): Promise<SendOutcome> {
      return withProgress(input.progress, async () => {
        return send(storeFor(input.enrolment), {
          enrolment: input.enrolment,
          nodeId: input.nodeId,
          idempotencyKey: `${input.enrolment.enrolmentId}:${input.nodeId}:${input.visit}:step${input.step}`,
          channel: input.channel,
          content: input.content,
          category: input.category,
          event: input.event,
          at: new Date(input.at),
          policy: input.policy,
          cascadeStep: input.step,
        });
      });
    },

    cascadeOrder(input: CascadeOrderInput): Promise<number[]> {
      return withProgress(input.progress, async () => {
        const listed = input.channels.map((_, i) => i);
        if (input.order === "listed") return listed;
        const store = storeFor(input.enrolment);
        if (input.order === "cheapest") {
          const { channelCosts } = await store.getSettings();
          const cost = (i: number) =>
            channelCosts[input.channels[i] ?? ""] ?? Number.POSITIVE_INFINITY;
          // Array.prototype.sort is stable: equal costs keep the listed order.
          return listed.sort((a, b) => cost(a) - cost(b));
        }
        const profile = await store.getProfile(input.enrolment.profileId);
        const preferred = profile?.attributes.preferredChannel;
        const first = listed.filter((i) => input.channels[i] === preferred);
        return [...first, ...listed.filter((i) => input.channels[i] !== preferred)];
      });
    },

    evaluate(input: EvaluateInput): Promise<number> {
      return withProgress(input.progress, async () => {
        const store = storeFor(input.enrolment);
        const at = new Date(input.at);
        if (input.segmentId !== undefined) {
          const condition = await store.getSegmentCondition(input.segmentId);
          return condition && (await evaluateFor(store, input.enrolment, at, condition)) ? 0 : -1;
        }
        const conditions = input.conditions ?? [];
        const [profile, events] = await Promise.all([
          loadProfile(store, input.enrolment, at),
          store.pendingEvents(input.enrolment.profileId),
        ]);
        const enteredAt = input.enteredAt ? { enteredAt: new Date(input.enteredAt) } : {};
        return conditions.findIndex((condition) =>
          evaluateCondition(condition, { profile, events, now: at, ...enteredAt }),
        );
      });
    },

    resolveWaitUntil(input: ResolveWaitUntilInput): Promise<string> {
      return withProgress(input.progress, async () => {
        const { config } = input;
        if (config.mode === "datetime") return new Date(config.at).toISOString();
        const store = storeFor(input.enrolment);
        const profile = await store.getProfile(input.enrolment.profileId);
        const zone = resolveTimeZone(profile?.attributes.timezone, config.fallbackTimezone);
        return nextWindowStart(
          new Date(input.at),
          zone,
          config.days,
          config.from,
          config.to,
        ).toISOString();
      });
    },

    async recordProgress(batch: ProgressBatch): Promise<void> {
      await applyProgress(batch);
    },

    recordAssignment(input: RecordAssignmentInput): Promise<void> {
      return withProgress(input.progress, async () => {
        const { enrolment, goal } = input;
        const enteredAt = new Date(input.at);
        await storeFor(enrolment).recordAssignment({
          journeyId: enrolment.journeyId,
          version: enrolment.version,
          nodeId: input.nodeId,
          profileId: enrolment.profileId,
          arm: input.arm,
          enteredAt,
          enrolmentId: enrolment.enrolmentId,
          ...(goal
            ? {
                goal: {
                  event: goal.event,
                  ...(goal.where ? { where: goal.where } : {}),
                  ...(goal.revenueProperty ? { revenueProperty: goal.revenueProperty } : {}),
                  until: new Date(enteredAt.getTime() + durationToMs(goal.within)),
                },
              }
            : {}),
        });
      });
    },
  };
}

export { createMongoStore } from "./mongo-store.js";
export { MemoryStore, type SimulatedMessage } from "./memory-store.js";
export { sendMessage, addressOf, consentProblem, type SendRequest, type SendDeps } from "./send.js";
export { renderFields, templateContext } from "./render.js";
export type { RuntimeStore, StoredMessage, MessageWrite, ProfileChanges } from "./store.js";
