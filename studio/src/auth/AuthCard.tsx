import type { ReactNode } from "react";

/** The card the signed-out screens share (sign in, accept an invitation, choose a new password). */
export function AuthCard({
  title,
  sub,
  children,
}: {
  title: string;
  sub: string;
  children: ReactNode;
}) {
  return (
    <main className="signin">
      <div className="card signin__card">
        <div className="signin__brand">
          <img src="/favicon.svg" alt="" />
          Omnijourney
        </div>
        <h1>{title}</h1>
        <p className="page__sub">{sub}</p>
        {children}
      </div>
    </main>
  );
}
