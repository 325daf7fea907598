export {
  attributeConversion,
  type AttributionModel,
  type AttributionOptions,
  type Touch,
  type Conversion,
  type Credit,
} from "./models.js";
export { attribute, type AttributionResult, type ChannelAttribution } from "./report.js";
export { touchesOfMessage, type TouchingMessage } from "./touches.js";
