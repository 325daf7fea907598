import type { JourneyEvent } from "./events.js";

const MAX_EVENT_NAME = 200;

const isObject = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A signalled value as a `JourneyEvent`, or null when it does not have the shape: what a workflow
 * checks on a signal it receives, with the schema's default (`properties: {}`) applied. Events were
 * validated with the zod schema when ingested; this keeps a malformed signal from reaching the
 * interpreter without zod in the workflow bundle.
 */
export function toJourneyEvent(value: unknown): JourneyEvent | null {
  if (!isObject(value)) return null;
  const event: unknown = Reflect.get(value, "event");
  const properties: unknown = Reflect.get(value, "properties") ?? {};
  const timestamp: unknown = Reflect.get(value, "timestamp");
  const messageId: unknown = Reflect.get(value, "messageId");
  if (typeof event !== "string" || event.length === 0 || event.length > MAX_EVENT_NAME) return null;
  if (!isObject(properties)) return null;
  if (typeof timestamp !== "string" || Number.isNaN(Date.parse(timestamp))) return null;
  if (messageId !== undefined && typeof messageId !== "string") return null;
  return {
    event,
    // A plain JSON object: signals arrive as decoded JSON payloads.
    properties: properties as JourneyEvent["properties"],
    timestamp,
    ...(messageId !== undefined ? { messageId } : {}),
  };
}
