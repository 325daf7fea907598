import type { Graph, JourneyEdge } from "./store/types.js";

/** A step as the summary names it: its type and, when the marketer gave one, its name. */
export type DiffStep = { id: string; type: string; name?: string };

export type JourneyDiff = {
  added: DiffStep[];
  removed: DiffStep[];
  changed: (DiffStep & { fields: string[] })[];
  connectionsAdded: number;
  connectionsRemoved: number;
  settingsChanged: string[];
  renamed: boolean;
};

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

const step = (n: { id: string; type: string; name?: string | undefined }): DiffStep => ({
  id: n.id,
  type: n.type,
  ...(n.name?.trim() ? { name: n.name.trim() } : {}),
});

const edgeKey = (e: JourneyEdge) => `${e.source}|${e.sourceHandle ?? ""}|${e.target}`;

/**
 * What publishing would change compared with the live version: steps added, removed or
 * reconfigured, connections and settings. Moving nodes around is not a change.
 */
export function diffJourneys(live: Graph | null, draft: Graph): JourneyDiff {
  const before = new Map((live?.nodes ?? []).map((n) => [n.id, n]));
  const after = new Map(draft.nodes.map((n) => [n.id, n]));
  const added = draft.nodes.filter((n) => !before.has(n.id)).map(step);
  const removed = (live?.nodes ?? []).filter((n) => !after.has(n.id)).map(step);
  const changed: JourneyDiff["changed"] = [];
  for (const node of draft.nodes) {
    const old = before.get(node.id);
    if (!old) continue;
    const fields = new Set<string>();
    if (old.type !== node.type) fields.add("type");
    if ((old.name ?? "") !== (node.name ?? "")) fields.add("name");
    for (const key of new Set([...Object.keys(old.config), ...Object.keys(node.config)])) {
      if (stable(old.config[key]) !== stable(node.config[key])) fields.add(key);
    }
    if (fields.size) changed.push({ ...step(node), fields: [...fields] });
  }
  const oldEdges = new Set((live?.edges ?? []).map(edgeKey));
  const newEdges = new Set(draft.edges.map(edgeKey));
  const settingsChanged = [
    ...new Set([...Object.keys(live?.settings ?? {}), ...Object.keys(draft.settings)]),
  ].filter((k) => stable(live?.settings[k]) !== stable(draft.settings[k]));
  return {
    added,
    removed,
    changed,
    connectionsAdded: [...newEdges].filter((k) => !oldEdges.has(k)).length,
    connectionsRemoved: [...oldEdges].filter((k) => !newEdges.has(k)).length,
    settingsChanged: live ? settingsChanged : [],
    renamed: live ? live.name !== draft.name : false,
  };
}

export function isEmptyDiff(diff: JourneyDiff): boolean {
  return (
    !diff.added.length &&
    !diff.removed.length &&
    !diff.changed.length &&
    !diff.connectionsAdded &&
    !diff.connectionsRemoved &&
    !diff.settingsChanged.length &&
    !diff.renamed
  );
}
