import { useState } from "react";
import { download, errorMessage } from "../api/client.js";
import { Icon } from "./Icon.js";

/** Downloads a CSV export of the API (`path`) under `fileName`, saying so when it fails. */
export function ExportButton({
  path,
  fileName,
  label,
  testId,
}: {
  path: string;
  fileName: string;
  label: string;
  testId: string;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  return (
    <span className="export">
      <button
        type="button"
        className="btn"
        data-testid={testId}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setProblem("");
          download(path, fileName)
            .catch((error: unknown) => setProblem(`The export failed: ${errorMessage(error)}`))
            .finally(() => setBusy(false));
        }}
      >
        <Icon name="upload" /> {busy ? "Preparing the file…" : label}
      </button>
      {problem ? (
        <span className="field__error" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
