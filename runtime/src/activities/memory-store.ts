import {
  SENT_MESSAGE_STATUSES,
  type Condition,
  type CountedEvent,
  type ProfileSnapshot,
} from "@omnijourney/shared";
import type { NewAssignment, RecentMarketingSend } from "@omnijourney/store";
import type { WorkspaceSettings } from "../settings/workspace-settings.js";
import type { ProgressBatch } from "../workflows/types.js";
import type { MessageWrite, ProfileChanges, RuntimeStore, StoredMessage } from "./store.js";

/** A message as a simulation records it. */
export type SimulatedMessage = MessageWrite & { id: string };

/**
 * An in-memory store for one simulation: a hypothetical (or copied) profile, the hypothetical events,
 * and the messages the journey would send. Settings, segments and snippets come from the live workspace.
 */
export class MemoryStore implements RuntimeStore {
  readonly messages = new Map<string, SimulatedMessage>();
  readonly events: CountedEvent[] = [];
  readonly progress: ProgressBatch[] = [];
  /** A simulation's experiment arms, the first assignment per node kept (nothing is counted). */
  readonly assignments = new Map<string, NewAssignment>();

  constructor(
    private profile: ProfileSnapshot,
    private readonly settings: () => Promise<WorkspaceSettings>,
    private readonly segments: (segmentId: string) => Promise<Condition | null>,
    private readonly snippets: () => Promise<Record<string, string>> = async () => ({}),
    private readonly journeyName: string | null = null,
  ) {}

  async getProfile(): Promise<ProfileSnapshot> {
    return this.profile;
  }

  async pendingEvents(): Promise<CountedEvent[]> {
    return [...this.events];
  }

  async updateProfile(_profileId: string, changes: ProfileChanges): Promise<void> {
    const attributes: Record<string, unknown> = structuredClone(this.profile.attributes);
    const walk = (path: string, apply: (parent: Record<string, unknown>, key: string) => void) => {
      const parts = path.split(".");
      let parent = attributes;
      for (const part of parts.slice(0, -1)) {
        const child = parent[part];
        const next: Record<string, unknown> =
          typeof child === "object" && child !== null && !Array.isArray(child) ? { ...child } : {};
        parent[part] = next;
        parent = next;
      }
      apply(parent, parts[parts.length - 1] ?? path);
    };
    for (const [path, value] of Object.entries(changes.set)) walk(path, (p, k) => (p[k] = value));
    for (const path of changes.unset) walk(path, (p, k) => delete p[k]);
    for (const [path, by] of Object.entries(changes.inc))
      walk(path, (p, k) => (p[k] = (typeof p[k] === "number" ? p[k] : 0) + by));
    this.profile = { ...this.profile, attributes };
  }

  getSettings(): Promise<WorkspaceSettings> {
    return this.settings();
  }

  getSegmentCondition(segmentId: string): Promise<Condition | null> {
    return this.segments(segmentId);
  }

  getSnippets(): Promise<Record<string, string>> {
    return this.snippets();
  }

  async getJourneyName(): Promise<string | null> {
    return this.journeyName;
  }

  async findMessage(idempotencyKey: string): Promise<StoredMessage | null> {
    return this.messages.get(idempotencyKey) ?? null;
  }

  async writeMessage(write: MessageWrite): Promise<{ id: string }> {
    const prior = this.messages.get(write.idempotencyKey);
    const id = prior?.id ?? `sim-${this.messages.size + 1}`;
    this.messages.set(write.idempotencyKey, { ...prior, ...write, id });
    return { id };
  }

  async recentMarketingSends(_profileId: string, since: Date): Promise<RecentMarketingSend[]> {
    return [...this.messages.values()]
      .filter(
        (m) =>
          m.category === "marketing" &&
          SENT_MESSAGE_STATUSES.has(m.status) &&
          m.sentAt &&
          m.sentAt >= since,
      )
      .flatMap((m) =>
        m.sentAt
          ? [{ key: m.idempotencyKey, at: m.sentAt, journeyId: m.journeyId, channel: m.channel }]
          : [],
      )
      .sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  async recordProgress(batch: ProgressBatch): Promise<void> {
    this.progress.push(batch);
  }

  async recordAssignment(assignment: NewAssignment): Promise<void> {
    if (!this.assignments.has(assignment.nodeId))
      this.assignments.set(assignment.nodeId, assignment);
  }
}
