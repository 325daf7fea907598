import { lazy, Suspense } from "react";
import type { TrendChartProps } from "./TrendChart.js";

// The chart library loads with the first chart on screen, not with the studio (decision 0017).
const TrendChart = lazy(() => import("./TrendChart.js"));

/** A daily trend chart with a skeleton while the chart code loads. */
export function LazyTrendChart(props: TrendChartProps) {
  return (
    <Suspense fallback={<div className="skeleton trend-chart__placeholder" aria-hidden="true" />}>
      <TrendChart {...props} />
    </Suspense>
  );
}
