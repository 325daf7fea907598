import {
  Segment as SegmentResponse,
  SegmentDetail,
  SegmentList,
  SegmentPreview,
} from "@omnijourney/shared";
import { api, requestAs } from "./client.js";
import { toProfile, type Profile } from "./profiles.js";

export type Condition = Record<string, unknown>;

export type Segment = {
  id: string;
  name: string;
  description: string;
  condition: Condition;
  count: number | null;
  updatedAt: string | null;
};

const isCondition = (value: unknown): value is Condition =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The screen's segment; `count` only where the API counted (the detail). */
export function toSegment(s: SegmentResponse | SegmentDetail): Segment {
  return {
    id: s.id,
    name: s.name,
    description: s.description ?? "",
    condition: isCondition(s.condition) ? s.condition : { all: [] },
    count: "count" in s ? s.count : null,
    updatedAt: s.updatedAt,
  };
}

export const segmentsApi = {
  async list(): Promise<Segment[]> {
    return (await requestAs(SegmentList, "GET", "/api/segments")).items.map(toSegment);
  },
  async get(id: string): Promise<Segment> {
    return toSegment(
      await requestAs(SegmentDetail, "GET", `/api/segments/${encodeURIComponent(id)}`),
    );
  },
  async create(segment: {
    name: string;
    description?: string;
    condition: Condition;
  }): Promise<Segment> {
    return toSegment(await requestAs(SegmentResponse, "POST", "/api/segments", segment));
  },
  async update(
    id: string,
    segment: { name: string; description?: string; condition: Condition },
  ): Promise<Segment> {
    return toSegment(
      await requestAs(SegmentResponse, "PUT", `/api/segments/${encodeURIComponent(id)}`, segment),
    );
  },
  async remove(id: string): Promise<void> {
    await api.del(`/api/segments/${encodeURIComponent(id)}`);
  },
  async preview(condition: Condition): Promise<{ count: number; sample: Profile[] }> {
    const p = await requestAs(SegmentPreview, "POST", "/api/segments/preview", { condition });
    return { count: p.count, sample: p.sample.map(toProfile) };
  },
};
