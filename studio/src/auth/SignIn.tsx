import { useState, type FormEvent } from "react";
import { ApiError, errorMessage } from "../api/client.js";
import { authApi } from "../api/misc.js";
import { setToken } from "./token.js";

/** The sign-in page: one password field for the admin token, kept for this browser session. */
export function SignIn({ onSignedIn }: { onSignedIn(): void }) {
  const [token, setTokenText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await authApi.check(token.trim());
      setToken(token.trim());
      onSignedIn();
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
    <main className="signin">
      <form className="card signin__card" onSubmit={submit}>
        <div className="signin__brand">
          <img src="/favicon.svg" alt="" />
          Omnijourney
        </div>
        <h1>Sign in to the studio</h1>
        <p className="page__sub">Paste the admin token from your server's configuration.</p>
        <div className="field" style={{ marginTop: 20 }}>
          <label className="field__label" htmlFor="admin-token">
            Admin token
          </label>
          <input
            id="admin-token"
            className="input"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={token}
            onChange={(e) => setTokenText(e.target.value)}
            aria-invalid={Boolean(error)}
          />
          {error ? (
            <span className="field__error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
        <button
          type="submit"
          className="btn btn--primary"
          style={{ width: "100%" }}
          disabled={busy || !token.trim()}
        >
          {busy ? "Checking…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
