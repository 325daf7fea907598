import {
  ExperimentResponse,
  Journey,
  JourneyList,
  JourneyStats,
  JourneyVersionDetail,
  JourneyVersionList,
  PublishResult,
  SimulationResult,
  TestSendResults,
  ValidationResponse,
  type JourneyCounts,
  type JourneyStatus,
  type SimulationRequest,
  type TestRecipients,
  type TestSendResult,
} from "@omnijourney/shared";
import { api, query, requestAs } from "./client.js";
import { JourneyDocument } from "./types.js";

export type JourneyRecord = {
  id: string;
  name: string;
  status: JourneyStatus;
  document: JourneyDocument;
  liveVersion: number | null;
  counts: JourneyCounts;
  updatedAt: string | null;
};

const NO_COUNTS: JourneyCounts = { enrolled: 0, active: 0, converted: 0 };

/** The editor's view of a journey the API returned: its draft read loosely, so an invalid draft still opens. */
export function toRecord(journey: Journey, counts: JourneyCounts = NO_COUNTS): JourneyRecord {
  const doc = JourneyDocument.safeParse(journey.document);
  const document = doc.success ? doc.data : JourneyDocument.parse({ name: journey.name });
  return {
    id: journey.id,
    name: journey.name,
    status: journey.status,
    document: { ...document, name: journey.name },
    liveVersion: journey.liveVersion,
    counts,
    updatedAt: journey.updatedAt ?? journey.createdAt ?? null,
  };
}

export type JourneyVersion = {
  version: number;
  document: JourneyDocument | null;
  publishedAt: string;
  /** Who published it; null when the log does not say (versions from before it was kept). */
  publishedBy: string | null;
};

/** Where the marketer receives test messages: the API's request schema. */
export type { TestRecipients };

const journeyPath = (id: string) => `/api/journeys/${encodeURIComponent(id)}`;

export const journeysApi = {
  async list(search?: string): Promise<JourneyRecord[]> {
    const { items } = await requestAs(
      JourneyList,
      "GET",
      `/api/journeys${query({ query: search })}`,
    );
    return items.map((j) => toRecord(j, j.counts));
  },
  async get(id: string): Promise<JourneyRecord> {
    return toRecord(await requestAs(Journey, "GET", journeyPath(id)));
  },
  async create(doc: JourneyDocument): Promise<JourneyRecord> {
    const created = toRecord(await requestAs(Journey, "POST", "/api/journeys", doc));
    return created.document.nodes.length || !doc.nodes.length
      ? created
      : { ...created, document: doc };
  },
  async saveDraft(id: string, doc: JourneyDocument): Promise<void> {
    await api.put(journeyPath(id), doc);
  },
  async remove(id: string): Promise<void> {
    await api.del(journeyPath(id));
  },
  async validate(doc: JourneyDocument): Promise<ValidationResponse> {
    return requestAs(ValidationResponse, "POST", "/api/journeys/validate", doc);
  },
  async publish(id: string): Promise<PublishResult> {
    return requestAs(PublishResult, "POST", `${journeyPath(id)}/publish`, {});
  },
  async action(id: string, action: "pause" | "resume" | "archive"): Promise<void> {
    await api.post(`${journeyPath(id)}/${action}`);
  },
  async versions(id: string): Promise<JourneyVersion[]> {
    const { items } = await requestAs(JourneyVersionList, "GET", `${journeyPath(id)}/versions`);
    return items.map((v) => ({
      version: v.version,
      document: null,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedBy,
    }));
  },
  /** One published version with its frozen document. */
  async version(id: string, version: number): Promise<JourneyVersion> {
    const v = await requestAs(
      JourneyVersionDetail,
      "GET",
      `${journeyPath(id)}/versions/${version}`,
    );
    const doc = JourneyDocument.safeParse(v.document);
    return {
      version: v.version,
      document: doc.success ? doc.data : null,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedBy,
    };
  },
  /** Makes a published version's document the draft (the live version runs until the next publish). */
  async restore(id: string, version: number): Promise<JourneyRecord> {
    return toRecord(
      await requestAs(Journey, "POST", `${journeyPath(id)}/versions/${version}/restore`, {}),
    );
  },
  /** Per-node counts; cascade nodes add per-step numbers and the currency of their cost. */
  async stats(id: string): Promise<JourneyStats["nodes"]> {
    return (await requestAs(JourneyStats, "GET", `${journeyPath(id)}/stats`)).nodes;
  },
  async experiment(id: string, nodeId: string): Promise<ExperimentResponse> {
    return requestAs(
      ExperimentResponse,
      "GET",
      `${journeyPath(id)}/experiments/${encodeURIComponent(nodeId)}`,
    );
  },
  async simulate(id: string, input: SimulationRequest): Promise<SimulationResult> {
    return requestAs(SimulationResult, "POST", `${journeyPath(id)}/simulate`, input);
  },
  /** Sends rendered messages to the marketer's own addresses, through the workspace's providers. */
  async sendTests(
    id: string,
    messages: { channel: string; content: Record<string, string> }[],
    to: TestRecipients,
  ): Promise<TestSendResult[]> {
    const body = { messages, to };
    return (await requestAs(TestSendResults, "POST", `${journeyPath(id)}/test-messages`, body))
      .results;
  },
  async enrol(id: string, profileId: string): Promise<void> {
    await api.post(`${journeyPath(id)}/enrol`, { profileId });
  },
};
