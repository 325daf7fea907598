import { useState } from "react";
import type { SimulatedMessageEntry, TestSendResult } from "@omnijourney/shared";
import type { TestRecipients } from "../api/journeys.js";
import { useTestSends } from "../api/useTestSends.js";
import { channelLabel } from "../components/format.js";

const STORAGE_KEY = "omnijourney.testRecipients";

/** The addresses typed last time (kept in this browser only). */
export function loadRecipients(storage: Pick<Storage, "getItem"> = localStorage): TestRecipients {
  try {
    const raw: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? "{}");
    if (typeof raw !== "object" || raw === null) return {};
    const pick = (key: keyof TestRecipients) => {
      const v: unknown = Reflect.get(raw, key);
      return typeof v === "string" && v ? { [key]: v } : {};
    };
    return { ...pick("email"), ...pick("phone"), ...pick("telegramChatId") };
  } catch {
    return {};
  }
}

/** Only the addresses given, trimmed; an empty field is not sent. */
export function recipientsFrom(fields: TestRecipients): TestRecipients {
  const out: TestRecipients = {};
  for (const key of ["email", "phone", "telegramChatId"] as const) {
    const v = fields[key]?.trim();
    if (v) out[key] = key === "phone" ? v.replace(/[\s().-]/g, "") : v;
  }
  return out;
}

/** A simulated message's rendered text fields, as the test-send endpoint takes them. */
export function renderedFields(content: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(content)) if (typeof v === "string") out[k] = v;
  return out;
}

const STATUS_BADGE: Record<TestSendResult["status"], string> = {
  sent: "badge--success",
  skipped: "badge--warning",
  failed: "badge--danger",
};

/** "Send these to me": the simulation's rendered messages, delivered to the marketer's own addresses. */
export function SendTestsToMe({
  journeyId,
  messages,
  notRendered = 0,
}: {
  journeyId: string;
  /** The simulated messages that were rendered (suppressed ones have no content to send). */
  messages: SimulatedMessageEntry[];
  notRendered?: number;
}) {
  const [fields, setFields] = useState<TestRecipients>(() => loadRecipients());
  const { results, error, busy, send: sendTests } = useTestSends(journeyId);
  const to = recipientsFrom(fields);
  const hasAddress = Object.keys(to).length > 0;

  const send = async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(to));
    await sendTests(
      messages.map((m) => ({ channel: m.channel, content: renderedFields(m.content) })),
      to,
    );
  };

  const field = (key: keyof TestRecipients, label: string, type: string, placeholder: string) => (
    <div className="field send-tests__field">
      <label className="field__label" htmlFor={`send-test-${key}`}>
        {label}
      </label>
      <input
        id={`send-test-${key}`}
        className="input input--sm"
        type={type}
        placeholder={placeholder}
        autoComplete={key === "email" ? "email" : key === "phone" ? "tel" : "off"}
        value={fields[key] ?? ""}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
      />
    </div>
  );

  return (
    <section className="send-tests" data-testid="send-tests" aria-labelledby="send-tests-title">
      <h3 className="panel__section" id="send-tests-title">
        Send these to me
      </h3>
      <p className="field__help">
        Each message goes out for real through your workspace&apos;s provider for its channel,
        marked “[Test]”. It is not logged as a journey message and never counts in analytics.
        {notRendered > 0
          ? ` ${notRendered} of the simulated messages ${notRendered === 1 ? "was" : "were"} not sent in this run, so ${notRendered === 1 ? "it has" : "they have"} nothing to send.`
          : null}
      </p>
      {field("email", "Your email", "email", "you@company.com")}
      <div className="send-tests__pair">
        {field("phone", "Phone", "tel", "+15551234567")}
        {field("telegramChatId", "Telegram chat id", "text", "123456789")}
      </div>
      <div className="row">
        <span className="muted small grow">
          {hasAddress ? "Remembered in this browser." : "Give at least one address."}
        </span>
        <button
          type="button"
          className="btn btn--sm"
          onClick={send}
          disabled={busy || !hasAddress || messages.length === 0}
          data-testid="send-tests-button"
        >
          {busy ? "Sending…" : "Send these to me"}
        </button>
      </div>
      {error ? (
        <div className="alert alert--danger send-tests__alert" role="alert">
          {error}
        </div>
      ) : null}
      {results ? (
        <ul className="send-tests__results" aria-live="polite" data-testid="send-test-results">
          {results.map((r, i) => (
            <li key={i} data-testid="send-test-result">
              <span className={`badge badge--plain ${STATUS_BADGE[r.status]}`}>{r.status}</span>
              <span className="send-tests__what">
                <b>{channelLabel(r.channel)}</b>
                {r.to ? <span className="muted"> → {r.to}</span> : null}
                {r.reason ? <span className="send-tests__reason">{r.reason}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
