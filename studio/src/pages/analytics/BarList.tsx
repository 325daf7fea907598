/** One bar of a list. */
export type BarRow = { label: string; value: number; detail?: string };

/** Horizontal bars scaled to the largest value (a funnel, a channel split); plain markup, no chart code. */
export function BarList({
  rows,
  format,
}: {
  rows: readonly BarRow[];
  format(value: number): string;
}) {
  const max = Math.max(0, ...rows.map((r) => r.value));
  return (
    <ul className="bar-list">
      {rows.map((r) => (
        <li key={r.label} className="bar-list__row">
          <span className="bar-list__label">{r.label}</span>
          <span className="bar-list__track">
            <span
              className="bar-list__bar"
              style={{ width: `${max > 0 ? (r.value / max) * 100 : 0}%` }}
            />
          </span>
          <span className="bar-list__value">
            {format(r.value)}
            {r.detail ? <span className="muted"> · {r.detail}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
