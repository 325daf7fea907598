import { unescapeKey } from "@omnijourney/shared";
import type { MessageRecord, ProfileRecord } from "@omnijourney/store";

/** The address and name traits a member export gives their own column; the rest go in "Other attributes". */
const OWN_COLUMNS = ["email", "phone", "firstName", "lastName"] as const;

export const MEMBER_HEADER = [
  "Profile id",
  "User id",
  "Email",
  "Phone",
  "First name",
  "Last name",
  "Created",
  "Updated",
  "Other attributes",
] as const;

/** One member's line: the own columns, then the other attributes as JSON (keys as the customer sent them). */
export const memberLine = (p: ProfileRecord): readonly unknown[] => {
  const attributes = p.attributes ?? {};
  const others = Object.fromEntries(
    Object.entries(attributes)
      .filter(([key]) => !(OWN_COLUMNS as readonly string[]).includes(key))
      .map(([key, value]) => [unescapeKey(key), value]),
  );
  return [
    p.profileId,
    p.userId ?? "",
    ...OWN_COLUMNS.map((key) => attributes[key]),
    p.createdAt,
    p.updatedAt,
    Object.keys(others).length > 0 ? others : "",
  ];
};

export const MESSAGE_HEADER = [
  "Message id",
  "Created",
  "Channel",
  "Status",
  "Reason",
  "Journey id",
  "Step id",
  "Profile id",
  "Category",
  "Cost",
  "Currency",
  "Sent",
] as const;

/** One message's line (its rendered content is not exported: the log, not the messages). */
export const messageLine = (
  m: Omit<MessageRecord, "content" | "statusHistory">,
): readonly unknown[] => [
  String(m._id),
  m.createdAt,
  m.channel,
  m.status,
  m.reason,
  m.journeyId,
  m.nodeId,
  m.profileId,
  m.category,
  m.cost,
  m.currency,
  m.sentAt,
];
