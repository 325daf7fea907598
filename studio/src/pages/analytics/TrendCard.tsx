import { useState } from "react";
import type { DailyPoint } from "@omnijourney/shared";
import { money, number } from "../../components/format.js";
import { LazyTrendChart } from "./charts/LazyTrendChart.js";

type Series = "enrolled" | "converted" | "revenue" | "sent" | "cost";
const SERIES: { key: Series; label: string; isMoney: boolean }[] = [
  { key: "enrolled", label: "Customers who entered", isMoney: false },
  { key: "converted", label: "Conversions", isMoney: false },
  { key: "revenue", label: "Revenue", isMoney: true },
  { key: "sent", label: "Messages sent", isMoney: false },
  { key: "cost", label: "Message cost", isMoney: true },
];

/** A daily trend with a choice of series. */
export function TrendCard({ days, currency }: { days: readonly DailyPoint[]; currency: string }) {
  const [series, setSeries] = useState<Series>("converted");
  const chosen = SERIES.find((s) => s.key === series) ?? SERIES[0];
  const format = (v: number) =>
    chosen?.isMoney ? money(v, currency) : number(Math.round(v * 100) / 100);
  const empty = days.every((d) => d[series] === 0);
  return (
    <div className="card" data-testid="trend">
      <header className="card__header">
        <h2>Over time</h2>
        <div className="segmented" role="group" aria-label="Figure shown">
          {SERIES.map((s) => (
            <button
              key={s.key}
              type="button"
              className={`btn btn--sm${s.key === series ? " btn--primary" : " btn--ghost"}`}
              aria-pressed={s.key === series}
              onClick={() => setSeries(s.key)}
            >
              {s.label}
            </button>
          ))}
        </div>
      </header>
      <div className="card__body">
        {empty ? (
          <p className="muted">No {chosen?.label.toLowerCase()} in this period.</p>
        ) : (
          <LazyTrendChart
            title={chosen?.label ?? ""}
            data={days.map((d) => ({ day: d.day, value: d[series] }))}
            format={format}
          />
        )}
      </div>
    </div>
  );
}
