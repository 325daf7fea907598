import {
  Segment as SegmentResponse,
  SegmentDetail,
  SegmentList,
  SegmentPreview,
} from "@omnijourney/shared";
import type { Cond } from "../components/condition/conditionValues.js";
import { api, requestAs } from "./client.js";
import { toProfile, type Profile } from "./profiles.js";

/** The screen's segment: shared's, with the condition as the builder edits it and its count where one was made. */
export type Segment = Omit<SegmentResponse, "description" | "condition" | "createdAt"> & {
  description: string;
  condition: Cond;
  count: number | null;
};

const isCondition = (value: unknown): value is Cond =>
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
  async create(segment: { name: string; description?: string; condition: Cond }): Promise<Segment> {
    return toSegment(await requestAs(SegmentResponse, "POST", "/api/segments", segment));
  },
  async update(
    id: string,
    segment: { name: string; description?: string; condition: Cond },
  ): Promise<Segment> {
    return toSegment(
      await requestAs(SegmentResponse, "PUT", `/api/segments/${encodeURIComponent(id)}`, segment),
    );
  },
  async remove(id: string): Promise<void> {
    await api.del(`/api/segments/${encodeURIComponent(id)}`);
  },
  async preview(condition: Cond): Promise<{ count: number; sample: Profile[] }> {
    const p = await requestAs(SegmentPreview, "POST", "/api/segments/preview", { condition });
    return { count: p.count, sample: p.sample.map(toProfile) };
  },
};
