import { useState, type FormEvent } from "react";
import type { Me } from "@omnijourney/shared";
import { ApiError, errorMessage } from "../api/client.js";
import { sessionApi } from "../api/team.js";
import { AuthCard } from "./AuthCard.js";
import { SecretField } from "./SecretField.js";

/**
 * The page an invitation or a reset link opens (`/invite?token=…`, `/reset-password?token=…`): choose a
 * password, and be signed in.
 */
export function ChoosePassword({
  purpose,
  onSignedIn,
}: {
  purpose: "invite" | "reset";
  onSignedIn(me: Me): void;
}) {
  const token = new URLSearchParams(window.location.search).get("token") ?? "";
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me =
        purpose === "invite"
          ? await sessionApi.acceptInvitation(token, password, name.trim() || undefined)
          : await sessionApi.completeReset(token, password);
      window.history.replaceState(null, "", "/");
      onSignedIn(me);
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === "link_invalid"
          ? "This link has been used or has expired. Ask an admin for a new one."
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthCard
      title={purpose === "invite" ? "Join your team on Omnijourney" : "Choose a new password"}
      sub={
        purpose === "invite"
          ? "Choose the password you will sign in with."
          : "Your other sessions will end."
      }
    >
      <form onSubmit={submit}>
        {purpose === "invite" ? (
          <div className="field" style={{ marginTop: 16 }}>
            <label className="field__label" htmlFor="invite-name">
              Your name (optional)
            </label>
            <input
              id="invite-name"
              className="input"
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
        ) : null}
        <SecretField
          id="new-password"
          label="New password"
          autoComplete="new-password"
          autoFocus
          spaced
          value={password}
          onChange={setPassword}
          error={error}
          hint="At least 10 characters."
        />
        <button
          type="submit"
          className="btn btn--primary"
          style={{ width: "100%" }}
          disabled={busy || password.length < 10}
        >
          {busy ? "Saving…" : purpose === "invite" ? "Join" : "Save and sign in"}
        </button>
      </form>
    </AuthCard>
  );
}
