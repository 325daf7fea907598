import type { ReactNode } from "react";
import { Link } from "react-router";
import { ApiError, errorMessage } from "../api/client.js";
import { Icon } from "./Icon.js";

export function Loading({ label = "Loading…", rows = 4 }: { label?: string; rows?: number }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" style={{ width: `${90 - ((i * 17) % 40)}%` }} />
      ))}
    </div>
  );
}

/** What a screen shows when the thing it opened does not exist: a way back, not "Try again". */
export type NotFoundCopy = { title: string; message: string; back: { to: string; label: string } };

/** A not-found screen with a link back. */
export function NotFound({ title, message, back }: NotFoundCopy) {
  return (
    <div className="state" data-testid="not-found">
      <div className="state__icon">
        <Icon name="alert" />
      </div>
      <h1 className="state__title">{title}</h1>
      <p>{message}</p>
      <Link className="btn btn--primary" to={back.to}>
        {back.label}
      </Link>
    </div>
  );
}

/**
 * A screen's layout in grey while its data loads: `cards` headline tiles over `panels` blocks of lines,
 * so the page keeps its shape and nothing jumps when the numbers arrive.
 */
export function SkeletonLayout({
  label,
  cards = 4,
  panels = 2,
}: {
  label: string;
  cards?: number;
  panels?: number;
}) {
  return (
    <div className="skeleton-layout" role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{label}</span>
      {cards ? (
        <div className="skeleton-layout__cards">
          {Array.from({ length: cards }, (_, i) => (
            <div key={i} className="card card__body skeleton-layout__card">
              <div className="skeleton" style={{ width: "50%" }} />
              <div className="skeleton skeleton--big" style={{ width: "70%" }} />
            </div>
          ))}
        </div>
      ) : null}
      {Array.from({ length: panels }, (_, i) => (
        <div key={i} className="card card__body">
          {Array.from({ length: 4 }, (_, j) => (
            <div key={j} className="skeleton" style={{ width: `${90 - ((j * 17) % 40)}%` }} />
          ))}
        </div>
      ))}
    </div>
  );
}

export function ErrorState({
  error,
  onRetry,
  notFound,
}: {
  error: unknown;
  onRetry?: () => void;
  /** Shown instead when the API answered 404. */
  notFound?: NotFoundCopy;
}) {
  if (notFound && error instanceof ApiError && error.status === 404)
    return <NotFound {...notFound} />;
  return (
    <div className="state state--error" role="alert">
      <div className="state__icon">
        <Icon name="alert" />
      </div>
      <h2>Something went wrong</h2>
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon: string;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="state">
      <div className="state__icon">
        <Icon name={icon} />
      </div>
      <h2>{title}</h2>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge--${status.toLowerCase()}`}>
      {status.charAt(0).toUpperCase() + status.slice(1)}
    </span>
  );
}
