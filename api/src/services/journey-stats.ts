import {
  RESPONDED_MESSAGE_STATUSES,
  SENT_MESSAGE_STATUSES,
  emptyNodeStats,
  type CascadeStepStats,
  type JourneyCounts,
  type JourneyStats,
} from "@omnijourney/shared";
import { normaliseSettings } from "@omnijourney/runtime";
import {
  readCascadeMessages,
  readEntryCounters,
  readJourneyNodeStats,
  readWorkspaceSettings,
  type CascadeMessage,
  type JourneyRecord,
  type NodeStatRecord,
} from "@omnijourney/store";
import type { ApiContext } from "../context.js";

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** The trigger node's id in a stored journey document (every enrolment enters there). */
const triggerNodeId = (journey: JourneyRecord): string | null => {
  const nodes: unknown = journey.document.nodes;
  if (!Array.isArray(nodes)) return null;
  for (const n of nodes) {
    if (typeof n !== "object" || n === null) continue;
    const type: unknown = Reflect.get(n, "type");
    const id: unknown = Reflect.get(n, "id");
    if (typeof type === "string" && type.startsWith("trigger.") && typeof id === "string")
      return id;
  }
  return null;
};

/**
 * Enrolled, active and converted for many journeys from the pre-aggregated node counters, in one query:
 * enrolled and converted are the trigger's (every enrolment passes it; without a known trigger, the
 * largest node's), active is the sum of the enrolments waiting at each node.
 */
export const journeyCounts = async (
  ctx: ApiContext,
  journeys: readonly JourneyRecord[],
): Promise<Map<string, JourneyCounts>> => {
  const ids = journeys.map((j) => j._id);
  const out = new Map<string, JourneyCounts>(
    ids.map((id) => [id, { enrolled: 0, active: 0, converted: 0 }]),
  );
  if (ids.length === 0) return out;
  const stats = await readEntryCounters(ctx.db, ids);
  const triggers = new Map(journeys.map((j) => [j._id, triggerNodeId(j)]));
  const trigger = new Map<string, JourneyCounts>();
  for (const s of stats) {
    const journeyId = String(s.journeyId);
    const counts = out.get(journeyId);
    if (!counts) continue;
    counts.active += Math.max(0, num(s.active));
    if (triggers.get(journeyId) === String(s.nodeId))
      trigger.set(journeyId, { enrolled: num(s.entered), active: 0, converted: num(s.converted) });
    counts.enrolled = Math.max(counts.enrolled, num(s.entered));
    counts.converted = Math.max(counts.converted, num(s.converted));
  }
  for (const [journeyId, t] of trigger) {
    const counts = out.get(journeyId);
    if (counts) Object.assign(counts, { enrolled: t.enrolled, converted: t.converted });
  }
  return out;
};

const CACHE_MS = 5_000;
const cache = new WeakMap<
  ApiContext,
  Map<string, { at: number; value: Promise<Record<string, CascadeStepStats[]>> }>
>();

const fold = (messages: readonly CascadeMessage[]): Record<string, CascadeStepStats[]> => {
  const byNode = new Map<string, Map<number, CascadeStepStats>>();
  for (const m of messages) {
    if (typeof m.nodeId !== "string" || typeof m.cascadeStep !== "number") continue;
    const steps = byNode.get(m.nodeId) ?? new Map<number, CascadeStepStats>();
    byNode.set(m.nodeId, steps);
    const s = steps.get(m.cascadeStep) ?? {
      step: m.cascadeStep,
      channel: String(m.channel ?? ""),
      sent: 0,
      responded: 0,
      skipped: 0,
      failed: 0,
      cost: 0,
    };
    steps.set(m.cascadeStep, s);
    const status = String(m.status ?? "");
    if (SENT_MESSAGE_STATUSES.has(status)) s.sent += 1;
    if (RESPONDED_MESSAGE_STATUSES.has(status)) s.responded += 1;
    if (status === "suppressed") s.skipped += 1;
    if (status === "failed") s.failed += 1;
    s.cost += num(m.cost);
  }
  const out: Record<string, CascadeStepStats[]> = {};
  for (const [nodeId, steps] of byNode)
    out[nodeId] = [...steps.values()]
      .sort((a, b) => a.step - b.step)
      .map((s) => ({ ...s, cost: Math.round(s.cost * 1e6) / 1e6 }));
  return out;
};

/**
 * Per cascade node and step: sent, responded, skipped, failed and cost, folded from the journey's
 * cascade messages (they carry `cascadeStep` and `cost`; one small projection each), cached for a few
 * seconds because the live view asks every two seconds.
 */
export const cascadeStepStats = (
  ctx: ApiContext,
  journeyId: string,
): Promise<Record<string, CascadeStepStats[]>> => {
  const perContext = cache.get(ctx) ?? new Map();
  cache.set(ctx, perContext);
  const hit = perContext.get(journeyId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  // Summed here, not with `$group`: the embedded engine's `$sum` (store's engine/) over the fractional `cost` field answers 0.
  const value = readCascadeMessages(ctx.db, journeyId).then(fold);
  perContext.set(journeyId, { at: Date.now(), value });
  // A failed query is not cached: the next poll asks again.
  value.catch(() => perContext.delete(journeyId));
  return value;
};

const nodeCounters = (d: NodeStatRecord): JourneyStats["nodes"][string] => ({
  entered: num(d.entered),
  active: num(d.active),
  completed: num(d.completed),
  failed: num(d.failed),
  converted: num(d.converted),
  revenue: num(d.revenue),
  ports: Object.fromEntries(Object.entries(d.ports ?? {}).map(([port, n]) => [port, num(n)])),
});

/**
 * A journey's per-node counters (pre-aggregated as enrolments move); cascade nodes add their step stats and the
 * workspace currency their cost is in.
 */
export const journeyStats = async (ctx: ApiContext, journeyId: string): Promise<JourneyStats> => {
  const [docs, steps] = await Promise.all([
    readJourneyNodeStats(ctx.db, journeyId),
    cascadeStepStats(ctx, journeyId),
  ]);
  const nodes: JourneyStats["nodes"] = {};
  for (const d of docs) nodes[d.nodeId] = nodeCounters(d);
  const { currency } = Object.keys(steps).length
    ? normaliseSettings(await readWorkspaceSettings(ctx.db))
    : { currency: undefined };
  for (const [nodeId, list] of Object.entries(steps)) {
    const node = (nodes[nodeId] ??= emptyNodeStats());
    node.steps = list;
    if (currency) node.currency = currency;
  }
  return { nodes };
};
