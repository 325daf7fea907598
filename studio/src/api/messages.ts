import { z } from "zod";
import { api, query } from "./client.js";

const MessageRaw = z.looseObject({
  id: z.string().optional(),
  _id: z.string().optional(),
  channel: z.string().default("email"),
  status: z.string().default("queued"),
  journeyId: z.string().nullish(),
  nodeId: z.string().nullish(),
  profileId: z.string().nullish(),
  content: z.record(z.string(), z.unknown()).nullish(),
  cost: z.number().nullish(),
  reason: z.string().nullish(),
  createdAt: z.string().nullish(),
});
export type Message = {
  id: string;
  channel: string;
  status: string;
  journeyId: string | null;
  nodeId: string | null;
  profileId: string | null;
  content: Record<string, unknown>;
  cost: number | null;
  reason: string | null;
  createdAt: string | null;
};

export function parseMessage(raw: unknown): Message {
  const m = MessageRaw.parse(raw);
  return {
    id: m.id ?? m._id ?? "",
    channel: m.channel,
    status: m.status,
    journeyId: m.journeyId ?? null,
    nodeId: m.nodeId ?? null,
    profileId: m.profileId ?? null,
    content: m.content ?? {},
    cost: m.cost ?? null,
    reason: m.reason ?? null,
    createdAt: m.createdAt ?? null,
  };
}

export const messagesApi = {
  async list(filter: {
    profileId?: string;
    journeyId?: string;
    channel?: string;
  }): Promise<Message[]> {
    const raw = await api.get(`/api/messages${query(filter)}`);
    const list = Array.isArray(raw)
      ? raw
      : z.looseObject({ items: z.array(z.unknown()).default([]) }).parse(raw).items;
    return list.map(parseMessage);
  },
};
