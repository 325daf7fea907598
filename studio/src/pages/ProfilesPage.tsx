import { useEffect, useState } from "react";
import { Link } from "react-router";
import { profilesApi, type Profile } from "../api/profiles.js";
import { segmentsApi } from "../api/segments.js";
import { useResource } from "../api/useResource.js";
import { channelLabel, relativeTime } from "../components/format.js";
import { Icon } from "../components/Icon.js";
import { ExportButton } from "../components/ExportButton.js";
import { EmptyState, ErrorState, Loading } from "../components/States.js";
import {
  appliedFilters,
  EMPTY_FILTERS,
  ProfileFilterBar,
  type FilterDraft,
} from "./profiles/ProfileFilterBar.js";

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function displayName(p: Profile): string {
  const first = typeof p.attributes.firstName === "string" ? p.attributes.firstName : "";
  const last = typeof p.attributes.lastName === "string" ? p.attributes.lastName : "";
  const name = `${first} ${last}`.trim();
  return name || (typeof p.attributes.email === "string" ? p.attributes.email : p.id);
}

/** `/profiles`: search customers by id, email or name, an attribute and segment membership. */
export function ProfilesPage() {
  const [search, setSearch] = useState("");
  const [draft, setDraft] = useState<FilterDraft>(EMPTY_FILTERS);
  const query = useDebounced(search.trim(), 250);
  // The draft's object changes only when edited, so it is what waits; the filters derive from it.
  const applied = appliedFilters(useDebounced(draft, 250));
  const filters = { ...(query ? { query } : {}), ...applied };
  const key = JSON.stringify(filters);
  const filtered = key !== "{}";
  const [pages, setPages] = useState<Profile[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const first = useResource(() => profilesApi.find(filters), [key]);
  const segments = useResource(() => segmentsApi.list(), []);
  const segment = segments.data?.find((s) => s.id === applied.segmentId);

  useEffect(() => {
    if (first.data) {
      setPages(first.data.items);
      setCursor(first.data.nextCursor);
    }
  }, [first.data]);

  const more = async () => {
    if (!cursor) return;
    const page = await profilesApi.find(filters, cursor);
    setPages((p) => [...p, ...page.items]);
    setCursor(page.nextCursor);
  };

  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <h1>Profiles</h1>
          <p className="page__sub">One profile per customer, across every channel they use.</p>
        </div>
      </div>
      <div className="toolbar-row">
        <div className="search">
          <Icon name="search" />
          <label className="sr-only" htmlFor="profile-search">
            Search profiles
          </label>
          <input
            id="profile-search"
            className="input"
            placeholder="Search by id, email or name"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        {segment ? (
          <ExportButton
            path={`/api/segments/${encodeURIComponent(segment.id)}/export.csv`}
            fileName={`${segment.name}.csv`}
            label={`Export “${segment.name}” as CSV`}
            testId="export-segment"
          />
        ) : null}
      </div>
      <ProfileFilterBar draft={draft} segments={segments.data ?? []} onChange={setDraft} />

      {first.loading ? (
        <div className="card card__body">
          <Loading />
        </div>
      ) : first.error ? (
        <div className="card">
          <ErrorState error={first.error} onRetry={first.reload} />
        </div>
      ) : pages.length === 0 ? (
        <div className="card">
          <EmptyState icon="profiles" title={filtered ? "No profile matches" : "No profiles yet"}>
            {filtered
              ? query
                ? `Nothing matches “${query}” with these filters.`
                : "No profile matches these filters."
              : "Profiles appear when your app sends identify or track calls to /v1."}
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="profiles-table">
              <thead>
                <tr>
                  <th>Customer</th>
                  <th>Email</th>
                  <th>Phone</th>
                  <th>Channels</th>
                  <th>Updated</th>
                </tr>
              </thead>
              <tbody>
                {pages.map((p) => (
                  <tr key={p.id}>
                    <td className="nowrap">
                      <Link className="cell-title" to={`/profiles/${encodeURIComponent(p.id)}`}>
                        {displayName(p)}
                      </Link>
                      <div className="muted small">
                        <span className="mono">{p.id}</span>
                        {p.userId ? null : " · anonymous"}
                      </div>
                    </td>
                    <td>{typeof p.attributes.email === "string" ? p.attributes.email : "—"}</td>
                    <td>{typeof p.attributes.phone === "string" ? p.attributes.phone : "—"}</td>
                    <td data-testid="profile-channels">
                      {p.channels.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <div className="channel-chips">
                          {p.channels.map((c) => {
                            const off = c.marketing === "unsubscribed";
                            const label = `${channelLabel(c.channel)}${off ? " (unsubscribed)" : ""}`;
                            return (
                              <span
                                key={c.channel}
                                role="img"
                                aria-label={label}
                                title={`${channelLabel(c.channel)}: marketing ${c.marketing}`}
                                className={`channel-chip${off ? " channel-chip--off" : ""}`}
                              >
                                <Icon name={c.channel} />
                              </span>
                            );
                          })}
                        </div>
                      )}
                    </td>
                    <td className="muted nowrap">{relativeTime(p.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {cursor ? (
            <div className="center" style={{ marginTop: 16 }}>
              <button type="button" className="btn" onClick={() => void more()}>
                Load more
              </button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
