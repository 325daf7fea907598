import type { MessageFunnel } from "@omnijourney/shared";
import { channelLabel, money, number, percent } from "../../components/format.js";
import { humanise } from "../../panels/form/jsonSchema.js";

const STAGES = ["sent", "delivered", "opened", "clicked", "replied"] as const;
const PROBLEMS = ["bounced", "failed", "unsubscribed", "suppressed"] as const;
const STAGE_LABELS: Record<(typeof STAGES)[number] | (typeof PROBLEMS)[number], string> = {
  sent: "Sent",
  delivered: "Delivered",
  opened: "Opened",
  clicked: "Clicked",
  replied: "Replied",
  bounced: "Bounced",
  failed: "Failed",
  unsubscribed: "Unsubscribed",
  suppressed: "Not sent",
};

/** Each message step's funnel: how many were sent, delivered, opened, clicked, replied, and what went wrong. */
export function MessageFunnels({
  messages,
  currency,
}: {
  messages: readonly MessageFunnel[];
  currency: string;
}) {
  return (
    <div className="card" data-testid="message-funnels">
      <header className="card__header">
        <h2>Messages</h2>
      </header>
      {messages.length === 0 ? (
        <p className="card__body muted">This journey sends no message.</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>Step</th>
              {STAGES.map((s) => (
                <th key={s} className="num">
                  {STAGE_LABELS[s]}
                </th>
              ))}
              {PROBLEMS.map((s) => (
                <th key={s} className="num">
                  {STAGE_LABELS[s]}
                </th>
              ))}
              <th className="num">Cost</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.nodeId}>
                <td>
                  {m.name}
                  <div className="muted">{m.channels.map(channelLabel).join(", ")}</div>
                </td>
                {STAGES.map((s) => (
                  <td key={s} className="num">
                    {number(m[s])}
                    {s !== "sent" && m.sent > 0 ? (
                      <div className="muted">{percent(m[s], m.sent)}</div>
                    ) : null}
                  </td>
                ))}
                {PROBLEMS.map((s) => (
                  <td key={s} className="num" title={s === "suppressed" ? reasons(m) : undefined}>
                    {number(m[s])}
                  </td>
                ))}
                <td className="num">{money(m.cost, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const reasons = (m: MessageFunnel): string =>
  Object.entries(m.suppressedByReason)
    .map(([reason, n]) => `${humanise(reason)}: ${n}`)
    .join(", ");
