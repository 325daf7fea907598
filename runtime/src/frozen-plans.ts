import type { JourneyPlan } from "@omnijourney/shared";
import { findJourneyVersion, type Collections } from "@omnijourney/store";

const CAPACITY = 500;

/**
 * Published versions' plans, read once: a version is frozen at publish and never changes, so every
 * enrolment after the first reads its plan from memory. Bounded; the oldest entry goes first.
 */
export class FrozenPlans {
  private readonly plans = new Map<string, JourneyPlan>();

  constructor(private readonly models: Collections) {}

  async get(journeyId: string, version: number): Promise<JourneyPlan | null> {
    const key = `${journeyId}@${version}`;
    const known = this.plans.get(key);
    if (known) return known;
    const frozen = await findJourneyVersion(this.models, journeyId, version);
    if (!frozen) return null;
    // The plan was compiled and validated when the version was published.
    const plan = frozen.plan;
    if (this.plans.size >= CAPACITY) this.plans.delete(this.plans.keys().next().value ?? "");
    this.plans.set(key, plan);
    return plan;
  }
}
