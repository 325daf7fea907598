import type { SimulationResult } from "@omnijourney/shared";
import { SendTestsToMe } from "../SendTestsToMe.js";
import { zonedDateTime } from "../../components/zonedTime.js";
import { NOT_SENT, formatOffset, wouldSend } from "./format.js";

/** A test run's path and messages, each at its offset from the start (the result's `atSeconds`). */
export function SimulationResultView({
  journeyId,
  result,
  runs,
  nodeTitle,
}: {
  journeyId: string;
  result: SimulationResult;
  /** The run's number: a new run resets the send-to-me results. */
  runs: number;
  nodeTitle(nodeId: string): string;
}) {
  return (
    <div className="test-result" data-testid="test-result">
      <p className="muted small" data-testid="test-started">
        Started {zonedDateTime(result.startedAt, result.timeZone)}, in the profile's time zone (
        {result.timeZone}).
      </p>
      <h3 className="panel__section">Path</h3>
      <ol className="test-path">
        {result.path.map((step, i) => {
          return (
            <li key={i}>
              <span>{nodeTitle(step.nodeId)}</span>
              <span className="muted small" data-testid="sim-path-time">
                {formatOffset(step.atSeconds)} · {zonedDateTime(step.at, result.timeZone)}
              </span>
            </li>
          );
        })}
      </ol>
      <h3 className="panel__section">
        Messages <span className="badge badge--plain">{result.messages.length}</span>
      </h3>
      {result.messages.length === 0 ? (
        <p className="muted small">No message would be sent.</p>
      ) : null}
      {result.messages.map((m, i) => {
        const body =
          typeof m.content.html === "string"
            ? m.content.html
            : typeof m.content.body === "string"
              ? m.content.body
              : null;
        return (
          <article className="sim-message" key={i} data-testid="sim-message">
            <header>
              <span className="badge badge--info badge--plain">{m.channel}</span>
              {m.status !== "sent" ? (
                <span className={`badge badge--plain badge--${m.status}`}>{m.status}</span>
              ) : null}
              <span className="grow sim-message__step">{nodeTitle(m.nodeId)}</span>
              <span className="muted small sim-message__time" data-testid="sim-message-time">
                {formatOffset(m.atSeconds)} · {zonedDateTime(m.sendAt, result.timeZone)}
              </span>
            </header>
            {!wouldSend(m) ? (
              <p className="sim-message__note">
                Not sent: {NOT_SENT[m.reason ?? ""] ?? m.reason ?? "nothing was rendered"}.
              </p>
            ) : null}
            {typeof m.content.subject === "string" ? (
              <div className="sim-message__subject">{m.content.subject}</div>
            ) : null}
            {m.channel === "email" && body && /<[a-z][\s\S]*>/i.test(body) ? (
              <iframe
                className="sim-message__frame"
                sandbox=""
                srcDoc={body}
                title={`Email from ${nodeTitle(m.nodeId)}`}
              />
            ) : !wouldSend(m) ? null : (
              <pre className="sim-message__body">
                {Object.entries(m.content)
                  .filter(([k]) => k !== "subject")
                  .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
                  .join("\n")}
              </pre>
            )}
          </article>
        );
      })}
      <p className="muted small">Outcome: {result.outcome}</p>
      {result.messages.some(wouldSend) ? (
        <SendTestsToMe
          key={runs}
          journeyId={journeyId}
          messages={result.messages.filter(wouldSend)}
          notRendered={result.messages.length - result.messages.filter(wouldSend).length}
        />
      ) : null}
    </div>
  );
}
