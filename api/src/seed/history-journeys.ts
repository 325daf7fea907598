import type { Prng } from "@omnijourney/shared";
import type { HistoryRecorder } from "./history-recorder.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What a simulated enrolment needs: who, when, a key unique in the history, and where to write. */
export type Enrolment = { key: string; profileId: string; at: Date; r: Prng; rec: HistoryRecorder };

const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

const order = (
  e: Enrolment,
  journeyId: string,
  nodes: readonly string[],
  at: Date,
  revenue: number,
) => {
  e.rec.event(`${e.key}-order`, e.profileId, "Order Completed", at, { revenue, currency: "EUR" });
  e.rec.converted(at, journeyId, nodes, revenue);
};

const opened = (r: Prng, pOpen: number, pClick: number) => {
  const feedback: { status: "delivered" | "opened" | "clicked"; after: number }[] = [
    { status: "delivered", after: 1 },
  ];
  if (r.chance(pOpen)) {
    feedback.push({ status: "opened", after: r.int(5, 180) });
    if (r.chance(pClick)) feedback.push({ status: "clicked", after: r.int(181, 240) });
  }
  return feedback;
};

/** Abandoned cart: a third order within the hour; the rest get the email, push, SMS cascade. */
export function abandonedCart(e: Enrolment): void {
  const j = "j_demo_abandoned_cart";
  const { r, rec, at } = e;
  rec.event(`${e.key}-trigger`, e.profileId, "Checkout Started", at, {
    value: r.int(20, 400),
    currency: "EUR",
  });
  rec.enrolled(at, j);
  rec.step(at, j, "trigger");
  rec.step(at, j, "wait");
  const revenue = r.int(25, 320);
  if (r.chance(0.3)) {
    const when = later(at, r.int(5, 55) * MINUTE);
    rec.step(when, j, "done");
    order(e, j, ["trigger", "wait", "done"], when, revenue);
    rec.ended(when, j, "converted");
    return;
  }
  const start = later(at, HOUR);
  rec.step(start, j, "cascade");
  const steps = [
    { channel: "email", cost: 0.001, pRespond: 0.3, wait: 4 * HOUR },
    { channel: "push", cost: 0.0005, pRespond: 0.15, wait: 4 * HOUR },
    { channel: "sms", cost: 0.05, pRespond: 0.22, wait: DAY },
  ];
  let when = start;
  for (const [i, s] of steps.entries()) {
    if (s.channel === "push" && r.chance(0.4)) continue; // no push subscription: skipped
    const suppress = s.channel === "sms" && r.chance(0.12);
    const responded = !suppress && r.chance(s.pRespond);
    rec.message({
      key: `${e.key}-cascade-${i}`,
      journeyId: j,
      nodeId: "cascade",
      profileId: e.profileId,
      channel: s.channel,
      at: when,
      cost: s.cost,
      cascadeStep: i,
      outcome: suppress
        ? { suppressed: "no_consent" }
        : {
            feedback: responded
              ? [
                  { status: "delivered", after: 1 },
                  { status: s.channel === "sms" ? "replied" : "clicked", after: r.int(10, 200) },
                ]
              : [{ status: "delivered", after: 1 }],
          },
    });
    if (responded) {
      const done = later(when, r.int(15, 220) * MINUTE);
      rec.step(done, j, "responded");
      if (r.chance(0.45))
        order(e, j, ["trigger", "wait", "cascade", "responded"], later(done, HOUR), revenue);
      rec.ended(done, j, "completed");
      return;
    }
    when = later(when, s.wait);
  }
  rec.step(when, j, "exhausted");
  if (r.chance(0.04))
    order(e, j, ["trigger", "wait", "cascade", "exhausted"], later(when, 2 * DAY), revenue);
  rec.ended(when, j, "completed");
}

/** Webinar reminder: email; Telegram when it was not opened within a day. */
export function webinar(e: Enrolment): void {
  const j = "j_demo_webinar";
  const { r, rec, at } = e;
  rec.event(`${e.key}-trigger`, e.profileId, "Webinar Registered", at, {
    webinar: "Planning your first thru-hike",
  });
  rec.enrolled(at, j);
  rec.step(at, j, "trigger");
  const feedback = opened(r, 0.48, 0.3);
  rec.message({
    key: `${e.key}-email`,
    journeyId: j,
    nodeId: "email",
    profileId: e.profileId,
    channel: "email",
    at,
    cost: 0.001,
    outcome: { feedback },
  });
  rec.step(at, j, "email");
  rec.step(at, j, "wait");
  const next = later(at, DAY);
  if (feedback.some((f) => f.status === "opened")) rec.step(later(at, HOUR), j, "opened");
  else {
    rec.message({
      key: `${e.key}-telegram`,
      journeyId: j,
      nodeId: "telegram",
      profileId: e.profileId,
      channel: "telegram",
      at: next,
      cost: 0,
      outcome: { feedback: opened(r, 0.6, 0.25) },
    });
    rec.step(next, j, "telegram");
    rec.step(next, j, "end");
  }
  rec.ended(next, j, "completed");
}

/** An A/B split's arms with their true conversion rates and how they email. */
export type Arm = {
  id: string;
  weight: number;
  rate: number;
  node?: string;
  pOpen: number;
  pClick: number;
};

/** An experiment journey: trigger, split, the arm's email (none for the holdout), a goal within 14 days. */
export function experiment(
  e: Enrolment,
  j: string,
  trigger: string,
  arms: readonly Arm[],
  follow: boolean,
): void {
  const { r, rec, at } = e;
  rec.event(`${e.key}-trigger`, e.profileId, trigger, at, { source: "signup-form" });
  rec.enrolled(at, j);
  rec.step(at, j, "trigger");
  rec.step(at, j, "ab");
  let pick = r.next() * 100;
  const arm = arms.find((a) => (pick -= a.weight) < 0) ?? arms[arms.length - 1];
  if (!arm) return;
  rec.arm(j, "ab", arm.id, "entries", { enrolled: 1 });
  const nodes = ["trigger", "ab"];
  if (arm.node) {
    rec.message({
      key: `${e.key}-${arm.node}`,
      journeyId: j,
      nodeId: arm.node,
      profileId: e.profileId,
      channel: "email",
      at,
      cost: 0.001,
      outcome: { feedback: opened(r, arm.pOpen, arm.pClick) },
    });
    rec.step(at, j, arm.node);
    nodes.push(arm.node);
    if (follow) {
      const two = later(at, 2 * DAY);
      rec.step(two, j, "pause");
      rec.message({
        key: `${e.key}-followup`,
        journeyId: j,
        nodeId: "followup",
        profileId: e.profileId,
        channel: "email",
        at: two,
        cost: 0.001,
        outcome: { feedback: opened(r, 0.3, 0.1) },
      });
      rec.step(two, j, "followup");
      rec.step(two, j, "end");
      nodes.push("pause", "followup", "end");
    }
  }
  if (r.chance(arm.rate)) {
    const revenue = r.int(30, 180);
    const when = later(at, r.int(1, 13 * 24) * HOUR);
    order(e, j, nodes, when, revenue);
    rec.arm(j, "ab", arm.id, "conversions", { converted: 1, revenue });
    rec.ended(when, j, "converted");
  } else rec.ended(later(at, 14 * DAY), j, "completed");
}
