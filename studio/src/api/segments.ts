import { z } from "zod";
import { api } from "./client.js";
import { parseProfile, type Profile } from "./profiles.js";

export type Condition = Record<string, unknown>;

const SegmentRaw = z.looseObject({
  id: z.string().optional(),
  _id: z.string().optional(),
  name: z.string().default("Untitled segment"),
  description: z.string().nullish(),
  condition: z.record(z.string(), z.unknown()).default({ all: [] }),
  count: z.number().nullish(),
  size: z.number().nullish(),
  updatedAt: z.string().nullish(),
});
export type Segment = {
  id: string;
  name: string;
  description: string;
  condition: Condition;
  count: number | null;
  updatedAt: string | null;
};

export function parseSegment(raw: unknown): Segment {
  const s = SegmentRaw.parse(raw);
  return {
    id: s.id ?? s._id ?? "",
    name: s.name,
    description: s.description ?? "",
    condition: s.condition,
    count: s.count ?? s.size ?? null,
    updatedAt: s.updatedAt ?? null,
  };
}

const Preview = z.looseObject({ count: z.number(), sample: z.array(z.unknown()).default([]) });

export const segmentsApi = {
  async list(): Promise<Segment[]> {
    const raw = await api.get("/api/segments");
    const list = Array.isArray(raw)
      ? raw
      : z.looseObject({ items: z.array(z.unknown()).default([]) }).parse(raw).items;
    return list.map(parseSegment);
  },
  async get(id: string): Promise<Segment> {
    return parseSegment(await api.get(`/api/segments/${encodeURIComponent(id)}`));
  },
  async create(segment: {
    name: string;
    description?: string;
    condition: Condition;
  }): Promise<Segment> {
    return parseSegment(await api.post("/api/segments", segment));
  },
  async update(
    id: string,
    segment: { name: string; description?: string; condition: Condition },
  ): Promise<Segment> {
    return parseSegment(await api.put(`/api/segments/${encodeURIComponent(id)}`, segment));
  },
  async remove(id: string): Promise<void> {
    await api.del(`/api/segments/${encodeURIComponent(id)}`);
  },
  async preview(condition: Condition): Promise<{ count: number; sample: Profile[] }> {
    const p = Preview.parse(await api.post("/api/segments/preview", { condition }));
    return { count: p.count, sample: p.sample.map(parseProfile) };
  },
};
