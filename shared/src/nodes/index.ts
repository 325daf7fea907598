import type { NodeType } from "../registry.js";
import { triggerEvent } from "./trigger/event.js";
import { triggerSegment } from "./trigger/segment.js";
import { triggerManual } from "./trigger/manual.js";
import { messageEmail } from "./message/email.js";
import { messageSms } from "./message/sms.js";
import { messagePush } from "./message/push.js";
import { messageTelegram } from "./message/telegram.js";
import { messageWhatsapp } from "./message/whatsapp.js";
import { messageWebhook } from "./message/webhook.js";
import { messageInapp } from "./message/inapp.js";
import { messageCascade } from "./message/cascade.js";
import { waitDuration } from "./timing/wait-duration.js";
import { waitUntil } from "./timing/wait-until.js";
import { waitEvent } from "./timing/wait-event.js";
import { branchCondition } from "./logic/branch-condition.js";
import { branchMulti } from "./logic/branch-multi.js";
import { segmentSplit } from "./logic/segment-split.js";
import { experimentSplit } from "./logic/experiment-split.js";
import { profileUpdate } from "./data/profile-update.js";
import { goal } from "./goal/goal.js";
import { exit } from "./goal/exit.js";

export {
  triggerEvent,
  triggerSegment,
  triggerManual,
  messageEmail,
  messageSms,
  messagePush,
  messageTelegram,
  messageWhatsapp,
  messageWebhook,
  messageInapp,
  messageCascade,
  waitDuration,
  waitUntil,
  waitEvent,
  branchCondition,
  branchMulti,
  segmentSplit,
  experimentSplit,
  profileUpdate,
  goal,
  exit,
};

/** Every built-in node type, in palette order. */
export const builtInNodeTypes: readonly NodeType[] = [
  triggerEvent,
  triggerSegment,
  triggerManual,
  messageEmail,
  messageSms,
  messagePush,
  messageTelegram,
  messageWhatsapp,
  messageWebhook,
  messageInapp,
  messageCascade,
  waitDuration,
  waitUntil,
  waitEvent,
  branchCondition,
  branchMulti,
  segmentSplit,
  experimentSplit,
  profileUpdate,
  goal,
  exit,
];
