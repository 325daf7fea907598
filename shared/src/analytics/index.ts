export { dayOf, isDay, dayStart, addDays, daysBetween, type Day } from "./days.js";
export * from "./metrics.js";
export { dailyTrend, pointOf } from "./trend.js";
export { journeyAnalytics, type AnalyticsStep, type JourneyAnalyticsInput } from "./journey.js";
export {
  messageFactCounts,
  feedbackMetric,
  eventRevenue,
  REVENUE_PROPERTIES,
  type MessageFact,
} from "./facts.js";
