import { useState } from "react";
import type { AttributionReport } from "@omnijourney/shared";
import { analyticsApi, type DayRange } from "../../api/misc.js";
import { useResource } from "../../api/useResource.js";
import { channelLabel, money, number } from "../../components/format.js";
import { ErrorState, SkeletonLayout } from "../../components/States.js";
import { BarList } from "./BarList.js";

const MODELS: { key: AttributionReport["model"]; label: string; explain: string }[] = [
  {
    key: "first_touch",
    label: "First touch",
    explain: "All the credit to the first message that reached the customer.",
  },
  {
    key: "last_touch",
    label: "Last touch",
    explain: "All the credit to the last message before they converted.",
  },
  {
    key: "linear",
    label: "Linear",
    explain: "Credit shared evenly over every message that reached them.",
  },
  {
    key: "time_decay",
    label: "Time decay",
    explain: "More credit to messages close to the conversion.",
  },
  {
    key: "position_based",
    label: "Position based",
    explain: "40% to the first, 40% to the last, 20% shared by the rest.",
  },
];

/** Which channels earned a goal's conversions, under the model the marketer picks. */
export function AttributionCard({ range, goals }: { range: DayRange; goals: readonly string[] }) {
  const [goal, setGoal] = useState("purchase");
  const [model, setModel] = useState<AttributionReport["model"]>("linear");
  const [halfLifeDays, setHalfLife] = useState(7);
  const report = useResource(
    () => analyticsApi.attribution({ ...range, goal, model, halfLifeDays }),
    [range.from, range.to, goal, model, halfLifeDays],
  );
  const explain = MODELS.find((m) => m.key === model)?.explain;
  return (
    <div className="card" data-testid="attribution">
      <header className="card__header">
        <h2>Attribution</h2>
      </header>
      <div className="card__body">
        <div className="attribution__controls">
          <label>
            Goal event
            <input
              list="attribution-goals"
              value={goal}
              onChange={(e) => setGoal(e.target.value)}
            />
            <datalist id="attribution-goals">
              {goals.map((g) => (
                <option key={g} value={g} />
              ))}
            </datalist>
          </label>
          <label>
            Model
            <select
              value={model}
              onChange={(e) =>
                setModel(MODELS.find((m) => m.key === e.target.value)?.key ?? "linear")
              }
            >
              {MODELS.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          {model === "time_decay" ? (
            <label>
              Half-life (days)
              <input
                type="number"
                min={1}
                max={90}
                value={halfLifeDays}
                onChange={(e) =>
                  setHalfLife(Math.min(90, Math.max(1, Number(e.target.value) || 7)))
                }
              />
            </label>
          ) : null}
        </div>
        <p className="muted">{explain}</p>
        {report.loading && !report.data ? (
          <SkeletonLayout label="Crediting conversions…" cards={0} panels={1} />
        ) : report.error ? (
          <ErrorState error={report.error} onRetry={report.reload} />
        ) : !report.data || report.data.total.conversions === 0 ? (
          <p className="muted" data-testid="attribution-empty">
            Nobody did “{goal}” in this period, so there is nothing to credit yet.
          </p>
        ) : (
          <AttributionTable report={report.data} />
        )}
      </div>
    </div>
  );
}

function AttributionTable({ report }: { report: AttributionReport }) {
  const money$ = (v: number) => money(v, report.currency);
  return (
    <>
      <BarList
        rows={report.channels.map((c) => ({
          label: channelLabel(c.channel),
          value: c.conversions,
          detail: money$(c.value),
        }))}
        format={(v) => `${number(Math.round(v * 10) / 10)} conversions`}
      />
      <table className="table table--compact">
        <thead>
          <tr>
            <th>Channel</th>
            <th className="num">Credited conversions</th>
            <th className="num">Credited revenue</th>
            <th className="num">Messages that counted</th>
            <th className="num">Their cost</th>
          </tr>
        </thead>
        <tbody>
          {report.channels.map((c) => (
            <tr key={c.channel}>
              <td>{channelLabel(c.channel)}</td>
              <td className="num">{(Math.round(c.conversions * 10) / 10).toLocaleString()}</td>
              <td className="num">{money$(c.value)}</td>
              <td className="num">{number(c.touches)}</td>
              <td className="num">{money$(c.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {number(report.total.conversions)} conversions worth {money$(report.total.value)}
        {report.unattributed.conversions > 0
          ? `; ${number(report.unattributed.conversions)} had no message in the ${report.lookbackDays} days before.`
          : "."}
      </p>
    </>
  );
}
