import {
  channelMetric,
  dayOf,
  ENROLLED,
  eventMetric,
  eventRevenueMetric,
  EVENTS,
  JOURNEY_CONVERTED,
  JOURNEY_REVENUE,
  messageFactCounts,
  endedMetric,
} from "@omnijourney/shared";
import {
  armStatId,
  dailyCounterId,
  newMessage,
  ObjectId,
  type AnalyticsHistory,
  type ArmCounterKind,
  type DailyCounterRecord,
  type EventRecord,
  type ExperimentArmStatRecord,
  type MessageRecord,
} from "@omnijourney/store";

const MINUTE = 60_000;

/** A message of the history: what happened to it after it went out, minutes after the send. */
export type HistoryMessage = {
  key: string;
  journeyId: string;
  nodeId: string;
  profileId: string;
  channel: string;
  at: Date;
  cost: number;
  /** `suppressed` (with a reason) or the feedback it got, in order. */
  outcome:
    | { suppressed: string }
    | { feedback: { status: "delivered" | "opened" | "clicked" | "replied"; after: number }[] };
  cascadeStep?: number;
};

/**
 * Collects the demo history and the daily counters it implies, so counters equal the records by construction
 * (the same metric names the worker and the API write, shared/src/analytics/metrics.ts).
 */
export class HistoryRecorder {
  private readonly events: EventRecord[] = [];
  private readonly messages: MessageRecord[] = [];
  private readonly counters = new Map<string, DailyCounterRecord>();
  private readonly arms = new Map<string, ExperimentArmStatRecord>();

  count(at: Date, journeyId: string, nodeId: string, counts: Record<string, number>): void {
    const day = dayOf(at);
    const id = dailyCounterId(day, journeyId, nodeId);
    const doc = this.counters.get(id) ?? { _id: id, day, journeyId, nodeId, counts: {} };
    for (const [k, v] of Object.entries(counts))
      if (v !== 0) doc.counts[k] = (doc.counts[k] ?? 0) + v;
    this.counters.set(id, doc);
  }

  event(
    key: string,
    profileId: string,
    event: string,
    at: Date,
    properties: Record<string, unknown>,
  ): void {
    this.events.push({
      _id: new ObjectId(),
      messageId: `seed-history-${key}`,
      type: "track",
      event,
      profileId,
      userId: profileId,
      properties,
      context: { library: { name: "omnijourney-seed" } },
      timestamp: at,
      receivedAt: at,
      source: "api",
    });
    const revenue = typeof properties.revenue === "number" ? properties.revenue : 0;
    this.count(at, "", "", {
      [EVENTS]: 1,
      [eventMetric(event)]: 1,
      [eventRevenueMetric(event)]: revenue,
    });
  }

  /** An enrolment's pass through a step: entered, and completed unless it stopped there. */
  step(at: Date, journeyId: string, nodeId: string, left = true): void {
    this.count(at, journeyId, nodeId, { entered: 1, ...(left ? { completed: 1 } : {}) });
  }

  enrolled(at: Date, journeyId: string): void {
    this.count(at, journeyId, "", { [ENROLLED]: 1 });
  }

  ended(at: Date, journeyId: string, status: string): void {
    this.count(at, journeyId, "", { [endedMetric(status)]: 1 });
  }

  converted(at: Date, journeyId: string, nodes: readonly string[], revenue: number): void {
    this.count(at, journeyId, "", { [JOURNEY_CONVERTED]: 1, [JOURNEY_REVENUE]: revenue });
    for (const nodeId of nodes) this.count(at, journeyId, nodeId, { converted: 1, revenue });
  }

  message(m: HistoryMessage): void {
    const suppressed = "suppressed" in m.outcome ? m.outcome.suppressed : null;
    const feedback = "feedback" in m.outcome ? m.outcome.feedback : [];
    const history = suppressed
      ? [{ status: "suppressed" as const, at: m.at, reason: suppressed }]
      : [
          { status: "sent" as const, at: m.at },
          ...feedback.map((f) => ({
            status: f.status,
            at: new Date(m.at.getTime() + f.after * MINUTE),
          })),
        ];
    const last = history[history.length - 1];
    this.messages.push(
      newMessage({
        idempotencyKey: `seed-history-${m.key}`,
        journeyId: m.journeyId,
        version: 1,
        nodeId: m.nodeId,
        profileId: m.profileId,
        channel: m.channel,
        category: "marketing",
        provider: "sandbox",
        status: last?.status ?? "sent",
        statusHistory: history,
        cost: suppressed ? 0 : m.cost,
        createdAt: m.at,
        updatedAt: last?.at ?? m.at,
        ...(suppressed ? { reason: suppressed } : { sentAt: m.at }),
        ...(m.cascadeStep !== undefined ? { cascadeStep: m.cascadeStep } : {}),
      }),
    );
    const node = (counts: Record<string, number>, at: Date) =>
      this.count(at, m.journeyId, m.nodeId, counts);
    if (suppressed) {
      node(
        messageFactCounts({ metric: "suppressed", channel: m.channel, reason: suppressed }),
        m.at,
      );
      return;
    }
    node(messageFactCounts({ metric: "sent", channel: m.channel, cost: m.cost }), m.at);
    for (const f of feedback)
      node(
        { [channelMetric(f.status, m.channel)]: 1 },
        new Date(m.at.getTime() + f.after * MINUTE),
      );
  }

  arm(
    journeyId: string,
    nodeId: string,
    arm: string,
    kind: ArmCounterKind,
    inc: { enrolled?: number; converted?: number; revenue?: number },
  ): void {
    const key = { journeyId, nodeId, version: 1, arm, kind };
    const id = armStatId(key);
    const doc = this.arms.get(id) ?? { _id: id, ...key };
    for (const field of ["enrolled", "converted", "revenue"] as const)
      if (inc[field] !== undefined) doc[field] = (doc[field] ?? 0) + (inc[field] ?? 0);
    this.arms.set(id, doc);
  }

  history(): AnalyticsHistory {
    return {
      events: this.events,
      messages: this.messages,
      dailyCounters: [...this.counters.values()],
      armStats: [...this.arms.values()],
    };
  }
}
