import type { Channel, MessagePreview } from "@omnijourney/shared";
import { assertNever } from "@omnijourney/shared";

export type Viewport = "desktop" | "mobile";

/** Widths of the preview frame: a common email client pane, and a phone. */
export const VIEWPORT_WIDTH: Record<Viewport, number> = { desktop: 640, mobile: 375 };

function SmsParts({ sms }: { sms: NonNullable<MessagePreview["sms"]> }) {
  const alphabet = sms.encoding === "GSM-7" ? "standard characters (GSM-7)" : "Unicode characters";
  return (
    <p className="channel-preview__meta" data-testid="sms-parts">
      {sms.units} {alphabet} · {sms.segments} {sms.segments === 1 ? "part" : "parts"} (up to{" "}
      {sms.perSegment} each)
      {sms.encoding === "UCS-2"
        ? " — an emoji or accented letter outside GSM-7 makes every part shorter"
        : ""}
    </p>
  );
}

/** A chat bubble (SMS, Telegram, WhatsApp): the text as the phone shows it. */
function Bubble({ text, app }: { text: string; app: string }) {
  return (
    <div className={`phone phone--${app}`}>
      <div className="bubble">{text || <em className="muted">(empty)</em>}</div>
    </div>
  );
}

/** A webhook step's request: method, URL and headers (credentials masked by the API), then the body. */
function WebhookRequest({ preview, width }: { preview: MessagePreview; width: number }) {
  const request = preview.webhook;
  return (
    <div style={{ width }} data-testid="webhook-preview">
      <p className="channel-preview__meta mono">
        {request?.method ?? "POST"} {request?.url ?? preview.rendered.url}
      </p>
      {request ? (
        <dl className="webhook-preview__headers">
          {Object.entries(request.headers).map(([name, value]) => (
            <div key={name}>
              <dt className="mono">{name}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <pre className="webhook-preview">{preview.rendered.body || "(no body)"}</pre>
    </div>
  );
}

/** How the rendered message looks on its channel, at the chosen width. */
export function ChannelPreview({
  channel,
  preview,
  viewport,
}: {
  channel: Channel;
  preview: MessagePreview;
  viewport: Viewport;
}) {
  const r = preview.rendered;
  const width = VIEWPORT_WIDTH[viewport];
  switch (channel) {
    case "email":
      return (
        <div className="email-preview" style={{ width }}>
          <dl className="email-preview__head">
            <dt>From</dt>
            <dd>{r.fromName || "Your workspace"}</dd>
            <dt>Subject</dt>
            <dd data-testid="preview-subject">{r.subject || <em className="muted">(none)</em>}</dd>
            {r.preheader ? (
              <>
                <dt>Preview text</dt>
                <dd data-testid="preview-preheader">{r.preheader}</dd>
              </>
            ) : null}
          </dl>
          {/* No scripts, no same origin: the email's HTML cannot reach the studio. */}
          <iframe
            className="email-preview__body"
            title="Email body"
            sandbox=""
            srcDoc={r.body ?? ""}
            style={{ width }}
            data-testid="preview-frame"
          />
        </div>
      );
    case "sms":
      return (
        <div style={{ width }}>
          <Bubble text={r.text ?? ""} app="sms" />
          {preview.sms ? <SmsParts sms={preview.sms} /> : null}
        </div>
      );
    case "telegram":
    case "whatsapp":
      return (
        <div style={{ width }}>
          <Bubble text={r.text ?? ""} app={channel} />
        </div>
      );
    case "push":
      return (
        <div className="push-preview" style={{ width }}>
          <b>{r.title}</b>
          <span>{r.body}</span>
          {r.url ? <small className="muted">Opens {r.url}</small> : null}
        </div>
      );
    case "inapp":
      return (
        <div className="inapp-preview" style={{ width }}>
          <h3>{r.title}</h3>
          <p>{r.body}</p>
          {r.url ? <span className="btn btn--primary btn--sm">Open</span> : null}
        </div>
      );
    case "webhook":
      return <WebhookRequest preview={preview} width={width} />;
    default:
      return assertNever(channel);
  }
}
