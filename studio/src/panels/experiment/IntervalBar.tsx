import { memo } from "react";

/**
 * A rate and its range on a shared scale: a track from 0 to `max`, the range as a band and the rate as a tick.
 * Pure SVG, no chart library: one bar per arm is all the panel needs.
 */
export const IntervalBar = memo(function IntervalBar({
  rate,
  interval,
  max,
  control,
}: {
  rate: number;
  interval: [number, number];
  max: number;
  control: boolean;
}) {
  const x = (v: number): number => (max > 0 ? Math.min(100, Math.max(0, (v / max) * 100)) : 0);
  return (
    <svg
      className={`interval-bar${control ? " interval-bar--control" : ""}`}
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <rect className="interval-bar__track" x="0" y="4" width="100" height="2" rx="1" />
      <rect
        className="interval-bar__range"
        x={x(interval[0])}
        y="2"
        width={Math.max(0.5, x(interval[1]) - x(interval[0]))}
        height="6"
        rx="2"
      />
      <rect className="interval-bar__point" x={x(rate) - 0.6} y="0" width="1.2" height="10" />
    </svg>
  );
});
