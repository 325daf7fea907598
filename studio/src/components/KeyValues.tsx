import { humanise, singular } from "../panels/form/jsonSchema.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/**
 * Attributes or event properties as a readable list of labelled values: nested groups indented,
 * lists of scalars joined, lists of groups one under the other. Never raw JSON for a person to parse.
 */
export function KeyValues({
  value,
  depth = 0,
}: {
  value: Record<string, unknown>;
  depth?: number;
}) {
  const entries = Object.entries(value);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className={depth ? "kv kv--nested" : "kv"}>
      {entries.map(([k, v]) => (
        <div key={k} style={{ display: "contents" }}>
          <dt title={k}>{humanise(k)}</dt>
          <dd>
            <Value value={v} depth={depth} label={humanise(k)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One value; `label` names a list's items after the list ("Item 1" under "Items"). */
function Value({ value, depth, label }: { value: unknown; depth: number; label: string }) {
  if (depth > 4) return <>{scalar(value)}</>;
  if (isRecord(value)) return <KeyValues value={value} depth={depth + 1} />;
  if (Array.isArray(value)) {
    if (value.every((v) => !isRecord(v) && !Array.isArray(v)))
      return <>{value.length ? value.map(scalar).join(", ") : "—"}</>;
    return (
      <ol className="kv-list">
        {value.map((v, i) => (
          <li key={i}>
            <span className="kv-list__index">
              {singular(label)} {i + 1}
            </span>
            <Value value={v} depth={depth + 1} label={`${singular(label)} ${i + 1}`} />
          </li>
        ))}
      </ol>
    );
  }
  return <>{scalar(value)}</>;
}
