/**
 * @omnijourney/shared — the journey model: schemas, node-type registry, validator, compiler, conditions,
 * experiment statistics and attribution. Pure TypeScript, no I/O; runs in Node, browsers and Temporal workflows.
 */
export { assertNever } from "./assert.js";
export { prng, type Prng } from "./random.js";
export { escapeKey, unescapeKey, isSafeKey, UNSAFE_KEYS } from "./keys.js";
export { stepFailureMessage, stepFailureReason } from "./step-failure.js";
export { smsSegments, type SmsSegments } from "./messages/sms-segments.js";
export { templateError } from "./validate/templates.js";
export {
  LinkTracking,
  resolveUtm,
  withUtm,
  addUtmToLinks,
  utmCampaignName,
  type UtmParams,
} from "./messages/utm.js";
export { Duration, DurationUnit, durationToMs, formatDuration } from "./schemas/duration.js";
export { Channel, MessageCategory, ConsentStatus } from "./schemas/channel.js";
export {
  JsonObject,
  Timestamp,
  SegmentEvent,
  TrackEvent,
  IdentifyEvent,
  AliasEvent,
  PageEvent,
  ScreenEvent,
  GroupEvent,
  SegmentBatch,
  SEGMENT_LIMITS,
  JourneyEvent,
  MESSAGE_EVENTS,
} from "./schemas/events.js";
export {
  StoredProfile,
  ChannelConsent,
  ConsentChange,
  EventCounter,
  ProfileConsent,
  RESERVED_TRAITS,
  type ProfileSnapshot,
} from "./schemas/profile.js";
export { ProfileAssignment, AssignmentValueType } from "./schemas/assignment.js";
export {
  MessageStatus,
  MESSAGE_STATUS_RANK,
  messageStatusAdvances,
  FINAL_MESSAGE_STATUSES,
  SENT_MESSAGE_STATUSES,
  RESPONDED_MESSAGE_STATUSES,
} from "./schemas/message-status.js";
export * from "./schemas/http/index.js";
export {
  ElementId,
  Position,
  JourneyNode,
  JourneyEdge,
  ExitCriterion,
  JourneyGoal,
  JourneySettings,
  JourneyDocument,
  EntryRate,
  JourneyFrequencyCap,
  type JourneyDocumentInput,
} from "./schemas/journey.js";
export {
  Condition,
  PropertyCondition,
  AttributeCondition,
  EventCondition,
  ConditionField,
  PropertyConditionField,
  AttributePath,
  EventName,
  Scalar,
  DateValue,
  RECENT_CAP,
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_LEAVES,
  conditionKind,
  conditionLimitIssues,
  type ConditionKind,
} from "./conditions/schema.js";
export {
  counterKey,
  counterKeysFor,
  foldEvents,
  nextCounter,
  eventFiltersOf,
  type EventFilter,
  type CountedEvent,
  type CounterOptions,
} from "./conditions/counters.js";
export { matchesProperties } from "./conditions/properties.js";
export {
  evaluateCondition,
  type EvaluateInput,
  type ConditionProfile,
} from "./conditions/evaluate.js";
export { eventWindowStart, type WindowContext } from "./conditions/window.js";
export { ISO_DATE_PREFIX, matchFound, resolveDate } from "./conditions/values.js";
export { isTimeDependent } from "./conditions/time.js";
export { fieldOf, type FieldRef } from "./conditions/fields.js";
export {
  defineNodeType,
  NodeTypeRegistry,
  type NodeType,
  type NodeTypeSpec,
  type NodeServices,
  type NodeRetrySpec,
  type HttpInit,
  type HttpResponse,
  DEFAULT_ACTIVITY_POLICY,
  type NodeRunContext,
  type NodeRunResult,
  type SendOutcome,
  type TemplateRef,
  type SegmentRef,
  type NodeIssue,
  type ConfigOf,
} from "./registry.js";
export { upgradeNodeConfigs, type UnstampedNodes } from "./node-versions.js";
export { nodeTypes } from "./node-types.js";
export * from "./nodes/index.js";
export {
  EmailContent,
  SmsContent,
  PushContent,
  TelegramContent,
  WhatsappContent,
  WebhookContent,
  InappContent,
  CONTENT_FIELDS,
  contentStrings,
} from "./nodes/message/content.js";
export { CascadeStep, DEFAULT_RESPONSE_EVENTS } from "./nodes/message/cascade.js";
export { WaitUntilConfig, Weekday } from "./nodes/timing/wait-until.js";
export { ExperimentConfig } from "./nodes/logic/experiment-split.js";
export type { JourneyPlan, PlanNode, ActivityPolicy } from "./plan.js";
export { validateJourney } from "./validate/index.js";
export type { ValidateContext } from "./validate/analyze.js";
export {
  Problem,
  ProblemCode,
  DEFAULT_LIMITS,
  type ValidationResult,
  type ValidationLimits,
} from "./validate/problems.js";
export { compileJourney, JourneyValidationError } from "./compile.js";
export { canonicalJson, contentHash, sha256Hex } from "./hash.js";
export { assignVariant, stableUnit, type VariantWeight } from "./experiments/assign.js";
export { goalRevenue } from "./experiments/goal-revenue.js";
export { experimentResults, type ExperimentOptions } from "./stats/experiment.js";
export { wilsonInterval, newcombeInterval } from "./stats/wilson.js";
export { holmAdjust } from "./stats/holm.js";
export {
  conversionPosterior,
  probabilityGreater,
  expectedLoss,
  type BetaPosterior,
} from "./stats/bayes.js";
export {
  sequentialTest,
  mixingRho2,
  DEFAULT_SEQUENTIAL_HORIZON,
  type SequentialLook,
} from "./stats/sequential.js";
export { sampleSizePerArm } from "./stats/sample-size.js";
export { revenueInterval, revenueDifference, type RevenueSums } from "./stats/revenue.js";
export { sampleRatioTest, SRM_THRESHOLD, type SampleRatioTest } from "./stats/srm.js";
export { experimentVerdict, type VerdictInput } from "./stats/verdict.js";
export { logGamma, logBeta, upperGammaQ, chiSquaredSurvival } from "./stats/special.js";
export {
  experimentArms,
  experimentControl,
  type ExperimentArmsConfig,
  type ExperimentPortCounters,
} from "./stats/experiment-arms.js";
export {
  attribute,
  attributeConversion,
  type AttributionModel,
  type AttributionOptions,
  type AttributionResult,
  type ChannelAttribution,
  type Touch,
  type Conversion,
  type Credit,
} from "./stats/attribution.js";
export { normalCdf, normalQuantile, twoSidedP } from "./stats/normal.js";
export { fisherExactTwoSided } from "./stats/fisher.js";
export { describeNodeType, configJsonSchema, modelJsonSchemas } from "./describe.js";
export {
  MASK,
  SECRET_NAME,
  SECRET_HEADERS,
  maskUrlCredentials,
  hasUrlCredentials,
  maskSecrets,
  keepMaskedSecrets,
  maskUrlForLog,
  maskHeaders,
} from "./secrets.js";
