import { useState } from "react";
import { Link, useParams } from "react-router";
import type { JourneyAnalytics } from "@omnijourney/shared";
import { analyticsApi } from "../api/misc.js";
import { useResource } from "../api/useResource.js";
import { channelLabel, money, number, percent } from "../components/format.js";
import { EmptyState, ErrorState, SkeletonLayout } from "../components/States.js";
import { BarList } from "./analytics/BarList.js";
import { DateRange, lastDays } from "./analytics/DateRange.js";
import { MessageFunnels } from "./analytics/MessageFunnels.js";
import { StatCards } from "./analytics/StatCards.js";
import { TrendCard } from "./analytics/TrendCard.js";

/** `/journeys/:id/analytics`: one journey over a date range: funnel, trends, message funnels, cost and revenue. */
export function JourneyAnalyticsPage() {
  const { id = "" } = useParams();
  const [range, setRange] = useState(() => lastDays(30));
  const analytics = useResource(() => analyticsApi.journey(id, range), [id, range.from, range.to]);
  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <Link to={`/journeys/${encodeURIComponent(id)}`} className="muted">
            ← Back to the journey
          </Link>
          <h1>Journey results</h1>
          <p className="page__sub">
            Who went where, what the messages did, what it cost and what it earned.
          </p>
        </div>
        <DateRange value={range} onChange={setRange} />
      </div>
      {analytics.loading && !analytics.data ? (
        <SkeletonLayout label="Loading the journey's results…" cards={4} panels={3} />
      ) : analytics.error ? (
        <div className="card">
          <ErrorState error={analytics.error} onRetry={analytics.reload} />
        </div>
      ) : !analytics.data || analytics.data.totals.enrolled + sumEntered(analytics.data) === 0 ? (
        <div className="card" data-testid="journey-analytics-empty">
          <EmptyState icon="analytics" title="Nobody went through this journey in this period">
            Results appear once the journey is live and customers enter it. Try a longer period.
          </EmptyState>
        </div>
      ) : (
        <JourneyResults data={analytics.data} />
      )}
    </div>
  );
}

const sumEntered = (a: JourneyAnalytics) => a.nodes.reduce((s, n) => s + n.entered, 0);

function JourneyResults({ data }: { data: JourneyAnalytics }) {
  const { currency, totals } = data;
  const $ = (v: number) => money(v, currency);
  return (
    <div className="analytics-stack" data-testid="journey-analytics">
      <StatCards
        stats={[
          { label: "Customers who entered", value: number(totals.enrolled) },
          {
            label: "Conversions",
            value: number(totals.converted),
            hint: `${percent(totals.converted, totals.enrolled)} of those who entered`,
          },
          {
            label: "Revenue",
            value: $(totals.revenue),
            hint:
              totals.averageOrderValue === null
                ? undefined
                : `${$(totals.averageOrderValue)} per order`,
          },
          {
            label: "Cost per conversion",
            value: totals.costPerConversion === null ? "—" : $(totals.costPerConversion),
            hint: `${$(totals.cost)} spent on messages`,
          },
        ]}
      />
      <div className="card" data-testid="funnel">
        <header className="card__header">
          <h2>Funnel</h2>
        </header>
        <div className="card__body">
          <BarList
            rows={data.nodes
              .filter((n) => n.entered > 0 || n.type !== "removed")
              .map((n) => ({
                label: n.name,
                value: n.entered,
                detail: [
                  n.dropped ? `${number(n.dropped)} left here` : "",
                  n.converted ? `${number(n.converted)} converted later` : "",
                ]
                  .filter(Boolean)
                  .join(" · "),
              }))}
            format={(v) => `${number(v)} entered`}
          />
        </div>
      </div>
      <TrendCard days={data.days} currency={currency} />
      <MessageFunnels messages={data.messages} currency={currency} />
      <div className="grid grid--2">
        <div className="card">
          <header className="card__header">
            <h2>Cost per channel</h2>
          </header>
          <div className="card__body">
            {data.channels.length === 0 ? (
              <p className="muted">No message went out in this period.</p>
            ) : (
              <BarList
                rows={data.channels.map((c) => ({
                  label: channelLabel(c.channel),
                  value: c.cost,
                  detail: `${number(c.sent)} sent`,
                }))}
                format={$}
              />
            )}
          </div>
        </div>
        <div className="card" data-testid="cascade-savings">
          <header className="card__header">
            <h2>What cascades saved</h2>
          </header>
          <div className="card__body">
            {data.cascades.length === 0 ? (
              <p className="muted">This journey has no cascade.</p>
            ) : (
              data.cascades.map((c) => (
                <p key={c.nodeId}>
                  <strong>{c.name}</strong>: {$(c.saved)} saved. Sending all {number(c.audience)}{" "}
                  customers on{" "}
                  {c.mostExpensiveChannel
                    ? channelLabel(c.mostExpensiveChannel)
                    : "the dearest channel"}{" "}
                  would have cost {$(c.costIfAllOnMostExpensive)}; the cascade cost {$(c.cost)}.
                </p>
              ))
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
