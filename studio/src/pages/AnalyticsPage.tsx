import { analyticsApi } from "../api/misc.js";
import { useResource } from "../api/useResource.js";
import { humanise } from "../panels/form/jsonSchema.js";
import { useWorkspaceCurrency } from "../api/useWorkspaceCurrency.js";
import { EmptyState, ErrorState, SkeletonLayout } from "../components/States.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function formatValue(key: string, value: unknown, currency: string): string {
  if (typeof value !== "number") return typeof value === "string" ? value : JSON.stringify(value);
  if (/rate|share|ratio/i.test(key)) return `${(value * (value <= 1 ? 100 : 1)).toFixed(1)}%`;
  if (/cost|revenue|saved|saving/i.test(key))
    return value.toLocaleString(undefined, {
      style: "currency",
      currency,
      maximumFractionDigits: 2,
    });
  return value.toLocaleString();
}

function Table({ rows, currency }: { rows: Record<string, unknown>[]; currency: string }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) =>
    rows.every((r) => !isRecord(r[c]) && !Array.isArray(r[c])),
  );
  return (
    <table className="table table--compact">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} className={typeof rows[0]?.[c] === "number" ? "num" : ""}>
              {humanise(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c} className={typeof r[c] === "number" ? "num" : ""}>
                {r[c] === undefined || r[c] === null ? "—" : formatValue(c, r[c], currency)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One section of the overview: headline numbers as cards, lists as tables, nested groups recursively. */
function Section({
  title,
  data,
  currency,
}: {
  title: string;
  data: Record<string, unknown>;
  currency: string;
}) {
  const numbers = Object.entries(data).filter(
    ([, v]) => typeof v === "number" || typeof v === "string" || v === null,
  );
  const tables = Object.entries(data).filter(([, v]) => Array.isArray(v) && v.every(isRecord));
  const maps = Object.entries(data).filter(([, v]) => isRecord(v));
  return (
    <section className="analytics-section">
      {title ? <h2 className="section-title">{title}</h2> : null}
      {numbers.length ? (
        <div className="grid grid--4">
          {numbers.map(([k, v]) => (
            <div key={k} className="card stat">
              <div className="stat__label">{humanise(k)}</div>
              <div className="stat__value">{v === null ? "—" : formatValue(k, v, currency)}</div>
            </div>
          ))}
        </div>
      ) : null}
      {maps.map(([k, v]) =>
        isRecord(v) && Object.values(v).every(isRecord) ? (
          <div key={k} className="card" style={{ marginTop: 16 }}>
            <header className="card__header">
              <h2>{humanise(k)}</h2>
            </header>
            {Object.keys(v).length ? (
              <Table
                rows={Object.entries(v).map(([name, row]) => ({
                  name,
                  ...(isRecord(row) ? row : {}),
                }))}
                currency={currency}
              />
            ) : (
              <p className="card__body muted">No data yet.</p>
            )}
          </div>
        ) : isRecord(v) ? (
          <Section key={k} title={humanise(k)} data={v} currency={currency} />
        ) : null,
      )}
      {tables.map(([k, v]) => (
        <div key={k} className="card" style={{ marginTop: 16 }}>
          <header className="card__header">
            <h2>{humanise(k)}</h2>
          </header>
          {Array.isArray(v) && v.length ? (
            <Table rows={v.filter(isRecord)} currency={currency} />
          ) : (
            <p className="card__body muted">No data yet.</p>
          )}
        </div>
      ))}
    </section>
  );
}

/** `/analytics`: conversion, cost and channel performance across journeys. */
export function AnalyticsPage() {
  const overview = useResource(() => analyticsApi.overview(), [], { pollMs: 15000 });
  const currency = useWorkspaceCurrency();
  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <h1>Analytics</h1>
          <p className="page__sub">Conversions, cost per channel and what cascades saved.</p>
        </div>
      </div>
      {overview.loading ? (
        <SkeletonLayout label="Loading the numbers…" cards={6} panels={2} />
      ) : overview.error ? (
        <div className="card">
          <ErrorState error={overview.error} onRetry={overview.reload} />
        </div>
      ) : !overview.data || Object.keys(overview.data).length === 0 ? (
        <div className="card">
          <EmptyState icon="analytics" title="No data yet">
            Numbers appear once journeys are live and customers move through them.
          </EmptyState>
        </div>
      ) : (
        <div data-testid="analytics">
          <Section title="" data={overview.data} currency={currency} />
        </div>
      )}
    </div>
  );
}
