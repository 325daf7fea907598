import { z } from "zod";
import { api, query } from "./client.js";
import {
  JourneyDocument,
  JourneyStatus,
  NodeCountsSchema,
  ProblemSchema,
  type NodeCounts,
  type Problem,
} from "./types.js";

const num = z
  .number()
  .nullish()
  .transform((v) => v ?? null);

const JourneyRaw = z.looseObject({
  id: z.string().optional(),
  _id: z.string().optional(),
  name: z.string().optional(),
  status: JourneyStatus.catch("draft").default("draft"),
  draft: z.unknown().optional(),
  document: z.unknown().optional(),
  liveVersion: num,
  publishedVersion: num,
  version: num,
  latestVersion: num,
  stats: z.looseObject({ enrolled: num, active: num, converted: num }).optional(),
  counts: z.looseObject({ enrolled: num, active: num, converted: num }).optional(),
  enrolled: num,
  active: num,
  converted: num,
  updatedAt: z.string().nullish(),
  createdAt: z.string().nullish(),
});

export type JourneyRecord = {
  id: string;
  name: string;
  status: JourneyStatus;
  document: JourneyDocument;
  liveVersion: number | null;
  counts: { enrolled: number; active: number; converted: number };
  updatedAt: string | null;
};

/** One normalisation for every journey the API returns, whatever optional fields it carries. */
export function parseJourney(raw: unknown): JourneyRecord {
  const j = JourneyRaw.parse(raw);
  const doc = JourneyDocument.safeParse(j.draft ?? j.document ?? raw);
  const document = doc.success
    ? doc.data
    : JourneyDocument.parse({ name: j.name ?? "Untitled journey" });
  const counts = j.stats ??
    j.counts ?? { enrolled: j.enrolled, active: j.active, converted: j.converted };
  return {
    id: j.id ?? j._id ?? "",
    name: j.name ?? document.name,
    status: j.status,
    document: { ...document, name: j.name ?? document.name },
    liveVersion: j.liveVersion ?? j.publishedVersion ?? j.version ?? null,
    counts: {
      enrolled: counts.enrolled ?? 0,
      active: counts.active ?? 0,
      converted: counts.converted ?? 0,
    },
    updatedAt: j.updatedAt ?? j.createdAt ?? null,
  };
}

function items(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  const parsed = z
    .looseObject({
      items: z.array(z.unknown()).optional(),
      journeys: z.array(z.unknown()).optional(),
    })
    .parse(raw);
  return parsed.items ?? parsed.journeys ?? [];
}

const VersionRaw = z.looseObject({
  version: z.number(),
  document: z.unknown().optional(),
  draft: z.unknown().optional(),
  publishedAt: z.string().nullish(),
  createdAt: z.string().nullish(),
});
export type JourneyVersion = {
  version: number;
  document: JourneyDocument | null;
  publishedAt: string | null;
};

export type SimulationInput = {
  profileId?: string;
  profile?: { attributes: Record<string, unknown> };
  events: { event: string; properties?: Record<string, unknown>; atSeconds: number }[];
  version?: number;
  document?: JourneyDocument;
};
const SimulationResult = z.looseObject({
  path: z
    .array(z.looseObject({ nodeId: z.string(), at: z.union([z.string(), z.number()]).optional() }))
    .default([]),
  messages: z
    .array(
      z.looseObject({
        nodeId: z.string(),
        channel: z.string(),
        content: z.record(z.string(), z.unknown()).default({}),
        sendAt: z.union([z.string(), z.number()]).optional(),
        status: z.string().optional(),
        reason: z.string().optional(),
      }),
    )
    .default([]),
  outcome: z.unknown().optional(),
});
export type SimulationResult = z.infer<typeof SimulationResult>;

/** Where the marketer receives test messages. */
export type TestRecipients = { email?: string; phone?: string; telegramChatId?: string };
const TestSendResult = z.looseObject({
  channel: z.string(),
  status: z.enum(["sent", "skipped", "failed"]),
  provider: z.string().optional(),
  to: z.string().optional(),
  reason: z.string().optional(),
});
export type TestSendResult = z.infer<typeof TestSendResult>;

const Stats = z.looseObject({ nodes: z.record(z.string(), NodeCountsSchema).default({}) });

export const journeysApi = {
  async list(search?: string): Promise<JourneyRecord[]> {
    return items(await api.get(`/api/journeys${query({ query: search })}`)).map(parseJourney);
  },
  async get(id: string): Promise<JourneyRecord> {
    return parseJourney(await api.get(`/api/journeys/${encodeURIComponent(id)}`));
  },
  async create(doc: JourneyDocument): Promise<JourneyRecord> {
    const created = parseJourney(await api.post("/api/journeys", doc));
    return created.document.nodes.length || !doc.nodes.length
      ? created
      : { ...created, document: doc };
  },
  async saveDraft(id: string, doc: JourneyDocument): Promise<void> {
    await api.put(`/api/journeys/${encodeURIComponent(id)}`, doc);
  },
  async remove(id: string): Promise<void> {
    await api.del(`/api/journeys/${encodeURIComponent(id)}`);
  },
  async validate(doc: JourneyDocument): Promise<{ valid: boolean; problems: Problem[] }> {
    const raw = z
      .looseObject({ valid: z.boolean(), problems: z.array(ProblemSchema).default([]) })
      .parse(await api.post("/api/journeys/validate", doc));
    return { valid: raw.valid, problems: raw.problems };
  },
  async publish(id: string): Promise<{ version: number }> {
    return z
      .looseObject({ version: z.number() })
      .parse(await api.post(`/api/journeys/${encodeURIComponent(id)}/publish`));
  },
  async action(id: string, action: "pause" | "resume" | "archive"): Promise<void> {
    await api.post(`/api/journeys/${encodeURIComponent(id)}/${action}`);
  },
  async versions(id: string): Promise<JourneyVersion[]> {
    const raw = await api.get(`/api/journeys/${encodeURIComponent(id)}/versions`);
    const list = Array.isArray(raw)
      ? raw
      : z.looseObject({ items: z.array(z.unknown()).default([]) }).parse(raw).items;
    return list.map((entry) => {
      const v = VersionRaw.parse(entry);
      const doc = JourneyDocument.safeParse(v.document ?? v.draft);
      return {
        version: v.version,
        document: doc.success ? doc.data : null,
        publishedAt: v.publishedAt ?? v.createdAt ?? null,
      };
    });
  },
  /** One published version with its frozen document. */
  async version(id: string, version: number): Promise<JourneyVersion> {
    const v = VersionRaw.parse(
      await api.get(`/api/journeys/${encodeURIComponent(id)}/versions/${version}`),
    );
    const doc = JourneyDocument.safeParse(v.document ?? v.draft);
    return {
      version: v.version,
      document: doc.success ? doc.data : null,
      publishedAt: v.publishedAt ?? v.createdAt ?? null,
    };
  },
  /** Per-node counts; cascade nodes add per-step numbers and the currency of their cost. */
  async stats(id: string): Promise<Record<string, NodeCounts>> {
    return Stats.parse(await api.get(`/api/journeys/${encodeURIComponent(id)}/stats`)).nodes;
  },
  async experiment(id: string, nodeId: string): Promise<unknown> {
    return api.get(
      `/api/journeys/${encodeURIComponent(id)}/experiments/${encodeURIComponent(nodeId)}`,
    );
  },
  async simulate(id: string, input: SimulationInput): Promise<SimulationResult> {
    return SimulationResult.parse(
      await api.post(`/api/journeys/${encodeURIComponent(id)}/simulate`, input),
    );
  },
  /** Sends rendered messages to the marketer's own addresses, through the workspace's providers. */
  async sendTests(
    id: string,
    messages: { channel: string; content: Record<string, string> }[],
    to: TestRecipients,
  ): Promise<TestSendResult[]> {
    return z
      .looseObject({ results: z.array(TestSendResult) })
      .parse(
        await api.post(`/api/journeys/${encodeURIComponent(id)}/test-messages`, { messages, to }),
      ).results;
  },
  async enrol(id: string, profileId: string): Promise<void> {
    await api.post(`/api/journeys/${encodeURIComponent(id)}/enrol`, { profileId });
  },
};
