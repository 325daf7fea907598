import type { z } from "zod";
import type { Channel, MessageCategory } from "./schemas/channel.js";
import type { JourneyEvent } from "./schemas/events.js";
import type { ProfileSnapshot } from "./schemas/profile.js";
import type { ProfileAssignment } from "./schemas/assignment.js";
import type { NodeCategory, NodeExecution, NodeUiHints } from "./schemas/http/node-types.js";
import type { ActivityPolicy } from "./plan.js";
import type { LinkTracking } from "./messages/utm.js";

export type { NodeCategory, NodeExecution, NodeUiHints };

/** What a send returned. `deferred` asks the workflow to sleep until `deferUntil` and try the node again. */
export type SendOutcome = {
  status: "sent" | "suppressed" | "failed" | "deferred";
  reason?: string;
  messageId?: string;
  deferUntil?: string;
  cost?: number;
};

/** The request options `services.http` takes: the part of `fetch`'s `RequestInit` that plugins use. */
export type HttpInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  redirect?: "follow" | "error" | "manual";
};

/** What `services.http` resolves to: the part of `fetch`'s `Response` that plugins use (it is a real Response). */
export interface HttpResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** Side effects available to a node's `run`, supplied by the runtime (contracts.md). */
export type NodeServices = {
  /**
   * `fetch`-compatible HTTP behind the outbound guard (no loopback, private or metadata addresses unless
   * allow-listed in OMNIJOURNEY_ALLOWED_HOSTS, redirects included), with a timeout and a response-size cap.
   */
  http(url: string, init?: HttpInit): Promise<HttpResponse>;
  /** Workspace secrets (the settings' `secrets` map, masked by the API); null when unset. Never log them. */
  secrets: { get(name: string): Promise<string | null> };
  /** Renders (Liquid), checks consent / quiet hours / caps, sends through the channel's provider and logs the message. */
  send(input: {
    channel: Channel;
    content: Record<string, string>;
    category: MessageCategory;
    /** The step's link tracking: when on, every http(s) link of the rendered message carries UTM parameters. */
    linkTracking?: LinkTracking;
  }): Promise<SendOutcome>;
  /** Applies assignments to the profile; `set` values are Liquid, rendered by the runtime. */
  updateProfile(assignments: ProfileAssignment[]): Promise<void>;
  /** Whether the profile is currently in a segment. */
  isInSegment(segmentId: string): Promise<boolean>;
  /** Structured log line tagged with the enrolment. */
  log(message: string, fields?: Record<string, unknown>): void;
  /**
   * Renders a Liquid template with what message templates see (`profile.*`, `event.name`,
   * `event.properties.*`, `journey.id`). List the field in `ui.liquid` so validation checks its syntax.
   */
  render(template: string): Promise<string>;
};

/** Everything a node's `run` receives. */
export type NodeRunContext<C> = {
  config: C;
  profile: ProfileSnapshot;
  /** The event that enrolled the profile (null for manual and segment enrolments). */
  event: JourneyEvent | null;
  enrolment: {
    journeyId: string;
    version: number;
    profileId: string;
    workflowId: string;
    nodeId: string;
    visit: number;
  };
  services: NodeServices;
};

/** What `run` returns: the output port to follow. With `deferUntil` the workflow sleeps until then and runs the node again. */
export type NodeRunResult = { output: string; deferUntil?: string };

/** A template field inside a config, for validation. */
export type TemplateRef = { path: (string | number)[]; source: string };
/** A segment reference inside a config, for validation. */
export type SegmentRef = { path: (string | number)[]; segmentId: string };
/** A node-specific problem found by a type's `check`. */
export type NodeIssue = { code: string; path: (string | number)[]; message: string };

/** The declaration passed to {@link defineNodeType}. */
export interface NodeTypeSpec<S extends z.ZodType> {
  /** Unique type string; custom types are namespaced ("acme.slack"). */
  type: string;
  title: string;
  description?: string;
  category: NodeCategory;
  /** Icon name (the studio maps names to glyphs; unknown names get a generic glyph). */
  icon: string;
  /** Bump when the config or behaviour changes incompatibly; stored in plans and on journey nodes. */
  version: number;
  /**
   * Turns a config written for an older `version` into one for this version (called with the version it was
   * written for). Published plans keep their config as written: the runtime migrates it when the step runs, and
   * the API when a draft is opened or published. Without it a config from an older version is parsed as is.
   */
  migrate?: (fromVersion: number, config: unknown) => unknown;
  /** Config schema: validation, defaults, the studio form (via JSON Schema) and the `run` argument type. */
  config: S;
  /** Output ports: fixed, or derived from the parsed config (variants, cases). */
  outputs: readonly string[] | ((config: z.output<S>) => string[]);
  execution: NodeExecution;
  /** The node always suspends on a durable timer or signal before continuing, so cycles through it are allowed. */
  waits?: boolean;
  ui?: NodeUiHints;
  /** Template fields to parse; defaults to the top-level string fields listed in `ui.liquid`. */
  templates?: (config: z.output<S>) => TemplateRef[];
  /** Segment references; defaults to the top-level fields listed in `ui.segmentFields`. */
  segments?: (config: z.output<S>) => SegmentRef[];
  /** Semantic checks beyond the schema, each with a problem code. */
  check?: (config: z.output<S>) => NodeIssue[];
  /** Short descriptive name used in messages when a node has no name ("Wait for email_opened"). */
  summary?: (config: z.output<S>) => string;
  /** Runs the node as a Temporal activity (required when `execution` is "activity"). */
  run?: (ctx: NodeRunContext<z.output<S>>) => Promise<NodeRunResult>;
  /** How `run` is retried when it throws, times out or returns an unknown port; defaults to the runtime's. */
  retry?: NodeRetrySpec;
  /** Longest one attempt of `run` may take, in milliseconds; defaults to the runtime's (30 s). */
  timeoutMs?: number;
}

/** A node type's retry policy: attempts in all (1 = never retried) and the backoff between them. */
export type NodeRetrySpec = {
  attempts: number;
  /** Delay before the first retry (default 1 s); grows by `backoffCoefficient` (default 2) up to `maxBackoffMs` (default 1 min). */
  backoffMs?: number;
  backoffCoefficient?: number;
  maxBackoffMs?: number;
};

/**
 * A registered node type. Methods (not function-valued properties) so that a `NodeType<Config>` is
 * assignable to `NodeType<unknown>` in the registry (method parameters are bivariant).
 */
export interface NodeType<C = unknown> {
  readonly type: string;
  readonly title: string;
  readonly description: string;
  readonly category: NodeCategory;
  readonly icon: string;
  readonly version: number;
  readonly execution: NodeExecution;
  readonly waits: boolean;
  readonly ui: NodeUiHints;
  /** The config schema. */
  readonly config: z.ZodType<C>;
  /** Fixed ports, or null when they depend on the config. */
  readonly staticOutputs: readonly string[] | null;
  /** Output ports for a parsed config. */
  outputsFor(config: C): string[];
  templatesIn(config: C): TemplateRef[];
  segmentsIn(config: C): SegmentRef[];
  checkConfig(config: C): NodeIssue[];
  summarize(config: C): string;
  /** A config written for `fromVersion` as this version reads it (through `migrate`); unchanged when current. */
  upgradeConfig(config: unknown, fromVersion: number): unknown;
  run?(ctx: NodeRunContext<C>): Promise<NodeRunResult>;
  /** The type's own retry and timeout, carried in plans; null when the type uses the runtime's defaults. */
  readonly policy: ActivityPolicy | null;
}

/** The runtime's activity policy (what a plan node without `policy` runs with). */
export const DEFAULT_ACTIVITY_POLICY: ActivityPolicy = {
  maxAttempts: 12,
  initialIntervalMs: 1_000,
  backoffCoefficient: 2,
  maxIntervalMs: 60_000,
  timeoutMs: 30_000,
};

function activityPolicy(spec: { type: string; retry?: NodeRetrySpec; timeoutMs?: number }) {
  if (!spec.retry && spec.timeoutMs === undefined) return null;
  const d = DEFAULT_ACTIVITY_POLICY;
  const policy: ActivityPolicy = {
    maxAttempts: spec.retry?.attempts ?? d.maxAttempts,
    initialIntervalMs: spec.retry?.backoffMs ?? d.initialIntervalMs,
    backoffCoefficient: spec.retry?.backoffCoefficient ?? d.backoffCoefficient,
    maxIntervalMs: spec.retry?.maxBackoffMs ?? d.maxIntervalMs,
    timeoutMs: spec.timeoutMs ?? d.timeoutMs,
  };
  const positive = Object.values(policy).every((n) => Number.isInteger(n) && n >= 1);
  if (!positive || policy.initialIntervalMs > policy.maxIntervalMs)
    throw new Error(`Node type "${spec.type}" needs positive integer retry and timeout values`);
  return policy;
}

const TYPE_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$/;

function fieldRefs<T>(
  config: unknown,
  fields: string[] | undefined,
  make: (path: (string | number)[], value: string) => T,
): T[] {
  if (!fields || config === null || typeof config !== "object") return [];
  const out: T[] = [];
  for (const field of fields) {
    const value: unknown = Object.prototype.hasOwnProperty.call(config, field)
      ? Reflect.get(config, field)
      : undefined;
    if (typeof value === "string") out.push(make([field], value));
  }
  return out;
}

/**
 * Declares a node type once for the studio (palette, form, handles), the API (validation) and the runtime
 * (activity or workflow interpretation). Does not register it: pass the result to `nodeTypes.register`.
 */
export function defineNodeType<S extends z.ZodType>(spec: NodeTypeSpec<S>): NodeType<z.output<S>> {
  if (!TYPE_PATTERN.test(spec.type))
    throw new Error(`Node type "${spec.type}" must be lower-case words joined by dots`);
  if (!Number.isInteger(spec.version) || spec.version < 1)
    throw new Error(`Node type "${spec.type}" needs a positive integer version`);
  if (spec.execution === "activity" && !spec.run)
    throw new Error(`Node type "${spec.type}" runs as an activity but has no run()`);
  const outputs = spec.outputs;
  const ui = spec.ui ?? {};
  type C = z.output<S>;
  return {
    type: spec.type,
    title: spec.title,
    description: spec.description ?? "",
    category: spec.category,
    icon: spec.icon,
    version: spec.version,
    execution: spec.execution,
    waits: spec.waits ?? false,
    ui,
    // cast: z.output<S> is exactly the schema's output type; TypeScript cannot relate the generic ZodType<S> to ZodType<z.output<S>>
    config: spec.config as unknown as z.ZodType<C>,
    staticOutputs: typeof outputs === "function" ? null : [...outputs],
    outputsFor: (config: C) => (typeof outputs === "function" ? outputs(config) : [...outputs]),
    templatesIn: (config: C) =>
      spec.templates
        ? spec.templates(config)
        : fieldRefs(config, ui.liquid, (path, source) => ({ path, source })),
    segmentsIn: (config: C) =>
      spec.segments
        ? spec.segments(config)
        : fieldRefs(config, ui.segmentFields, (path, segmentId) => ({ path, segmentId })),
    checkConfig: (config: C) => (spec.check ? spec.check(config) : []),
    summarize: (config: C) => (spec.summary ? spec.summary(config) : spec.title),
    upgradeConfig: (config: unknown, fromVersion: number) =>
      spec.migrate && fromVersion < spec.version ? spec.migrate(fromVersion, config) : config,
    policy: activityPolicy(spec),
    ...(spec.run ? { run: spec.run } : {}),
  };
}

/** The one node-type registry (the core knows no list; built-ins register themselves like custom types). */
export class NodeTypeRegistry {
  private readonly types = new Map<string, NodeType>();

  /** Adds a node type. Registering the same declaration twice is a no-op; a different one with the same type string throws. */
  register<C>(nodeType: NodeType<C>): NodeType<C> {
    const existing = this.types.get(nodeType.type);
    if (existing && existing !== nodeType)
      throw new Error(`Node type "${nodeType.type}" is already registered`);
    this.types.set(nodeType.type, nodeType);
    return nodeType;
  }

  /** Puts a changed declaration in place of the registered one with its type string (plugin reloads). */
  replace<C>(nodeType: NodeType<C>): NodeType<C> {
    this.types.set(nodeType.type, nodeType);
    return nodeType;
  }

  /** The node type for a type string, if registered. */
  get(type: string): NodeType | undefined {
    return this.types.get(type);
  }

  /** Whether a type string is registered. */
  has(type: string): boolean {
    return this.types.has(type);
  }

  /** Every registered type, in registration order. */
  list(): NodeType[] {
    return [...this.types.values()];
  }
}

/** The parsed config type of a node type: `ConfigOf<typeof waitEvent>`. */
export type ConfigOf<N> = N extends NodeType<infer C> ? C : never;
