import { useState, type FormEvent } from "react";
import type { Me } from "@omnijourney/shared";
import { ApiError, errorMessage } from "../api/client.js";
import { sessionApi } from "../api/team.js";
import { setToken } from "./token.js";
import { AuthCard } from "./AuthCard.js";
import { SecretField } from "./SecretField.js";

/** The sign-in page: email and password, or the admin token (kept for this browser session). */
export function SignIn({ onSignedIn }: { onSignedIn(me: Me): void }) {
  const [mode, setMode] = useState<"password" | "token">("password");
  return (
    <AuthCard
      title="Sign in to the studio"
      sub={
        mode === "password"
          ? "Use the email and password of your account."
          : "Paste the admin token from your server's configuration."
      }
    >
      <div
        role="tablist"
        aria-label="How to sign in"
        style={{ marginTop: 16, display: "flex", gap: 8 }}
      >
        <button
          type="button"
          role="tab"
          aria-selected={mode === "password"}
          className={mode === "password" ? "btn btn--active" : "btn"}
          onClick={() => setMode("password")}
        >
          Email and password
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === "token"}
          className={mode === "token" ? "btn btn--active" : "btn"}
          onClick={() => setMode("token")}
        >
          Use the admin token
        </button>
      </div>
      {mode === "password" ? (
        <PasswordForm onSignedIn={onSignedIn} />
      ) : (
        <TokenForm onSignedIn={onSignedIn} />
      )}
    </AuthCard>
  );
}

function PasswordForm({ onSignedIn }: { onSignedIn(me: Me): void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await sessionApi.signIn(email.trim(), password));
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? "That email and password do not match."
          : err instanceof ApiError && err.status === 429
            ? "Too many attempts. Wait a minute and try again."
            : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  };
  const forgot = async () => {
    if (!email.trim()) return setError("Enter your email first, then ask for a reset link.");
    await sessionApi.requestReset(email.trim()).catch(() => undefined);
    setError(null);
    setNotice("If that address has an account, a reset link is on its way.");
  };
  return (
    <form onSubmit={submit}>
      <div className="field" style={{ marginTop: 16 }}>
        <label className="field__label" htmlFor="signin-email">
          Email
        </label>
        <input
          id="signin-email"
          className="input"
          type="email"
          autoComplete="username"
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <SecretField
        id="signin-password"
        label="Password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={error}
      >
        {notice ? (
          <span className="muted" role="status">
            {notice}
          </span>
        ) : null}
      </SecretField>
      <button
        type="submit"
        className="btn btn--primary"
        style={{ width: "100%" }}
        disabled={busy || !email.trim() || !password}
      >
        {busy ? "Checking…" : "Sign in"}
      </button>
      <button
        type="button"
        className="btn btn--ghost"
        style={{ width: "100%", marginTop: 8 }}
        onClick={() => void forgot()}
      >
        Forgot your password?
      </button>
    </form>
  );
}

function TokenForm({ onSignedIn }: { onSignedIn(me: Me): void }) {
  const [token, setTokenText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await sessionApi.me(token.trim());
      setToken(token.trim());
      onSignedIn(me);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? "That token is not valid. Use the admin token printed by `npm start`."
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit}>
      <SecretField
        id="admin-token"
        label="Admin token"
        autoComplete="current-password"
        autoFocus
        spaced
        value={token}
        onChange={setTokenText}
        error={error}
      />
      <button
        type="submit"
        className="btn btn--primary"
        style={{ width: "100%" }}
        disabled={busy || !token.trim()}
      >
        {busy ? "Checking…" : "Sign in"}
      </button>
    </form>
  );
}
