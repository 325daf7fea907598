import { useState } from "react";
import type { AnalyticsOverview } from "@omnijourney/shared";
import { eventsApi } from "../api/events.js";
import { analyticsApi } from "../api/misc.js";
import { useResource } from "../api/useResource.js";
import { channelLabel, money, number, percent } from "../components/format.js";
import { EmptyState, ErrorState, SkeletonLayout } from "../components/States.js";
import { AttributionCard } from "./analytics/AttributionCard.js";
import { DateRange, lastDays } from "./analytics/DateRange.js";
import { StatCards } from "./analytics/StatCards.js";
import { TrendCard } from "./analytics/TrendCard.js";

/** `/analytics`: the workspace over a date range: headline figures, trends, channels and attribution. */
export function AnalyticsPage() {
  const [range, setRange] = useState(() => lastDays(30));
  const overview = useResource(() => analyticsApi.overview(range), [range.from, range.to], {
    pollMs: 15000,
  });
  const goals = useResource(() => eventsApi.names(), []);
  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <h1>Analytics</h1>
          <p className="page__sub">
            Conversions, revenue, cost per channel and which channels earned them.
          </p>
        </div>
        <DateRange value={range} onChange={setRange} />
      </div>
      {overview.loading && !overview.data ? (
        <SkeletonLayout label="Loading the numbers…" cards={4} panels={2} />
      ) : overview.error ? (
        <div className="card">
          <ErrorState error={overview.error} onRetry={overview.reload} />
        </div>
      ) : !overview.data || isEmpty(overview.data) ? (
        <div className="card" data-testid="analytics-empty">
          <EmptyState icon="analytics" title="Nothing happened in this period">
            Numbers appear once journeys are live and customers move through them. Try a longer
            period.
          </EmptyState>
        </div>
      ) : (
        <div data-testid="analytics" className="analytics-stack">
          <Overview data={overview.data} />
          <AttributionCard range={range} goals={goals.data ?? []} />
        </div>
      )}
    </div>
  );
}

const isEmpty = (o: AnalyticsOverview) =>
  o.enrolments.total === 0 && o.events === 0 && Object.keys(o.messages).length === 0;

function Overview({ data }: { data: AnalyticsOverview }) {
  const { currency } = data;
  const channels = Object.entries(data.messages).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <StatCards
        stats={[
          { label: "Customers who entered a journey", value: number(data.enrolments.total) },
          {
            label: "Conversions",
            value: number(data.conversions),
            hint: `${percent(data.conversions, data.enrolments.total)} of those who entered`,
          },
          { label: "Revenue", value: money(data.revenue, currency) },
          {
            label: "Cost per conversion",
            value: data.costPerConversion === null ? "—" : money(data.costPerConversion, currency),
            hint: `${money(data.cost, currency)} spent on messages`,
          },
        ]}
      />
      <TrendCard days={data.trend} currency={currency} />
      <div className="card">
        <header className="card__header">
          <h2>Channels</h2>
        </header>
        {channels.length === 0 ? (
          <p className="card__body muted">No message went out in this period.</p>
        ) : (
          <table className="table table--compact">
            <thead>
              <tr>
                <th>Channel</th>
                <th className="num">Sent</th>
                <th className="num">Delivered</th>
                <th className="num">Opened</th>
                <th className="num">Clicked</th>
                <th className="num">Not sent</th>
                <th className="num">Cost</th>
              </tr>
            </thead>
            <tbody>
              {channels.map(([channel, c]) => (
                <tr key={channel}>
                  <td>{channelLabel(channel)}</td>
                  <td className="num">{number(c.byStatus.sent ?? 0)}</td>
                  <td className="num">{number(c.byStatus.delivered ?? 0)}</td>
                  <td className="num">{number(c.byStatus.opened ?? 0)}</td>
                  <td className="num">{number(c.byStatus.clicked ?? 0)}</td>
                  <td className="num">
                    {number((c.byStatus.suppressed ?? 0) + (c.byStatus.failed ?? 0))}
                  </td>
                  <td className="num">{money(c.cost, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
