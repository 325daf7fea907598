/** One headline figure. */
export type Stat = { label: string; value: string; hint?: string };

/** Headline figures as a row of cards. */
export function StatCards({ stats }: { stats: readonly Stat[] }) {
  return (
    <div className="grid grid--4">
      {stats.map((s) => (
        <div key={s.label} className="card stat">
          <div className="stat__label">{s.label}</div>
          <div className="stat__value">{s.value}</div>
          {s.hint ? <div className="stat__hint muted">{s.hint}</div> : null}
        </div>
      ))}
    </div>
  );
}
