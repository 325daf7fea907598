import { useEffect, useMemo, useState } from "react";
import { eventsApi } from "../api/events.js";
import { profilesApi, type Profile } from "../api/profiles.js";
import { segmentsApi } from "../api/segments.js";
import type { Graph } from "../canvas/store/types.js";
import { templateVariables } from "./form/liquidComplete.js";
import { renderTemplate, type SampleEvent } from "./preview.js";
import type { PreviewContextValue } from "./previewContext.js";

const COMMON_ATTRIBUTES = [
  "email",
  "phone",
  "firstName",
  "lastName",
  "timezone",
  "locale",
  "preferredChannel",
  "plan",
  "country",
];
const MESSAGE_EVENTS = [
  "email_opened",
  "email_clicked",
  "message_delivered",
  "message_replied",
  "push_clicked",
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Event names the journey itself mentions (triggers, waits, goal), for suggestions. */
export function eventsIn(graph: Graph): string[] {
  const out = new Set<string>();
  for (const node of graph.nodes)
    if (typeof node.config.event === "string" && node.config.event) out.add(node.config.event);
  const goal = graph.settings.goal;
  if (isRecord(goal) && typeof goal.event === "string") out.add(goal.event);
  return [...out];
}

/** Loads sample profiles and segments once, and derives completion lists and the preview renderer. */
export function usePreviewData(graph: Graph): PreviewContextValue {
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [detail, setDetail] = useState<Profile | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [segments, setSegments] = useState<{ id: string; name: string }[]>([]);
  const [tracked, setTracked] = useState<string[] | null>(null);
  const [eventOverride, setSampleEvent] = useState<SampleEvent | null>(null);

  useEffect(() => {
    profilesApi.list().then(
      (page) => {
        setProfiles(page.items);
        setSelectedId((id) => id ?? page.items[0]?.id ?? null);
      },
      () => undefined,
    );
    eventsApi.names().then(setTracked, () => undefined);
    segmentsApi.list().then(
      (list) => setSegments(list.map((s) => ({ id: s.id, name: s.name }))),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    if (!selectedId) return;
    let live = true;
    profilesApi.get(selectedId).then(
      (p) => live && setDetail(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [selectedId]);

  const triggerEvent = graph.nodes.find((n) => n.type === "trigger.event")?.config.event;
  const eventName = typeof triggerEvent === "string" ? triggerEvent : "";
  const sampleEvent = useMemo(() => {
    if (eventOverride) return eventOverride;
    const match = detail?.timeline.find((t) => t.kind === "event" && t.title === eventName);
    const properties =
      match?.raw.kind === "event" && isRecord(match.raw.properties) ? match.raw.properties : {};
    return { name: eventName, properties };
  }, [detail, eventName, eventOverride]);

  const attributes = useMemo(() => {
    const keys = new Set(COMMON_ATTRIBUTES);
    for (const p of profiles) for (const k of Object.keys(p.attributes)) keys.add(k);
    return [...keys];
  }, [profiles]);

  const suggestions = useMemo(
    () =>
      templateVariables(
        attributes,
        Object.keys(sampleEvent.properties).length
          ? Object.keys(sampleEvent.properties)
          : ["url", "title"],
      ),
    [attributes, sampleEvent],
  );
  const events = useMemo(
    () => [...new Set([...(tracked ?? []), ...eventsIn(graph), ...MESSAGE_EVENTS])],
    [graph, tracked],
  );
  const trackedEvents = useMemo(
    () => (tracked ? new Set([...tracked, ...MESSAGE_EVENTS]) : null),
    [tracked],
  );
  const profile = detail ?? profiles.find((p) => p.id === selectedId) ?? null;
  const render = useMemo(
    () => (template: string) => renderTemplate(template, profile, sampleEvent),
    [profile, sampleEvent],
  );

  return {
    profiles,
    profile,
    selectProfile: setSelectedId,
    suggestions,
    segments,
    events,
    trackedEvents,
    render,
    sampleEvent,
    setSampleEvent,
  };
}
