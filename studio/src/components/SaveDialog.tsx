import { useState, type ReactNode } from "react";
import { errorMessage } from "../api/client.js";
import { Dialog } from "./Dialog.js";

/** A dialog with a form and one save button: shows the API's refusal in the dialog and stays open on it. */
export function SaveDialog({
  title,
  saveLabel,
  canSave,
  onSave,
  onClose,
  children,
  wide,
}: {
  title: string;
  saveLabel: string;
  canSave: boolean;
  onSave(): Promise<void>;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
}) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError("");
    try {
      await onSave();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide={wide}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy || !canSave}
            onClick={() => void submit()}
          >
            {saveLabel}
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (canSave && !busy) void submit();
        }}
      >
        {children}
        {error ? (
          <div className="alert alert--danger" role="alert">
            {error}
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}
