import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useCallback, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../api/client.js";
import { journeysApi, type JourneyRecord } from "../api/journeys.js";
import type { Catalog } from "../catalog/types.js";
import { portsFor } from "../catalog/catalog.js";
import { Icon } from "../components/Icon.js";
import { StatusBadge } from "../components/States.js";
import { JourneyPanel } from "../panels/JourneyPanel.js";
import { NodePanel } from "../panels/NodePanel.js";
import { PreviewContext } from "../panels/previewContext.js";
import { ProblemsPanel } from "../panels/ProblemsPanel.js";
import { PublishDialog } from "../panels/PublishDialog.js";
import { VersionHistoryDialog } from "../panels/history/VersionHistoryDialog.js";
import { useCan } from "../auth/MeContext.js";
import { usePublishAccess } from "../auth/usePublishAccess.js";
import { ShortcutsOverlay } from "../panels/ShortcutsOverlay.js";
import { TestPanel } from "../panels/TestPanel.js";
import { usePreviewData } from "../panels/usePreviewData.js";
import { Canvas } from "./Canvas.js";
import { commandRegistry } from "./commands/index.js";
import { displayCombo } from "./commands/keys.js";
import type { CommandContext } from "./commands/types.js";
import { EditorContext } from "./hooks/EditorContext.js";
import { useAutosave } from "./hooks/useAutosave.js";
import { useCommandKeys } from "./hooks/useCommandKeys.js";
import { useEditor } from "./hooks/useEditor.js";
import { useLiveStats } from "./hooks/useLiveStats.js";
import { useValidation } from "./hooks/useValidation.js";
import { layoutGraph } from "./layout/elk.js";
import { Palette } from "./Palette.js";
import type { EditorStore } from "./store/editorStore.js";

type Props = {
  journey: JourneyRecord;
  store: EditorStore;
  catalog: Catalog;
  viewingVersion: number | null;
  onJourneyChange(journey: JourneyRecord): void;
};

export function Editor(props: Props) {
  return (
    <EditorContext.Provider value={{ store: props.store, catalog: props.catalog }}>
      <ReactFlowProvider>
        <EditorShell {...props} />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}

function SaveIndicator({ readOnly }: { readOnly: boolean }) {
  const status = useEditor((s) => s.saveStatus);
  if (readOnly) return null;
  const text = {
    idle: "All changes saved",
    saved: "All changes saved",
    dirty: "Unsaved changes",
    saving: "Saving…",
    error: "Could not save",
  }[status];
  return (
    <span
      className={`save save--${status}`}
      data-testid="save-status"
      role="status"
      aria-live="polite"
    >
      {status === "saving" ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        <Icon name={status === "error" ? "alert" : "check"} />
      )}
      {text}
    </span>
  );
}

function ToolbarButton({ id, icon, ctx }: { id: string; icon: string; ctx: CommandContext }) {
  // Re-render when history or selection changes so enabled states stay right.
  useEditor((s) => s.history);
  useEditor((s) => s.selection);
  const command = commandRegistry.get(id);
  if (!command) return null;
  const keys = command.keys[0] ? ` (${displayCombo(command.keys[0]).join("+")})` : "";
  return (
    <button
      type="button"
      className="btn btn--ghost btn--icon"
      aria-label={command.label}
      title={`${command.label}${keys}`}
      disabled={!commandRegistry.isEnabled(id, ctx)}
      onClick={() => void commandRegistry.run(id, ctx)}
      data-testid={`cmd-${id}`}
    >
      <Icon name={icon} />
    </button>
  );
}

function EditorShell({ journey, store, catalog, viewingVersion, onJourneyChange }: Props) {
  const flow = useReactFlow();
  const navigate = useNavigate();
  const readOnly = useEditor((s) => s.readOnly);
  const name = useEditor((s) => s.graph.name);
  const graph = useEditor((s) => s.graph);
  const problems = useEditor((s) => s.problems);
  const selectedNodeIds = useEditor((s) => s.selection.nodeIds);
  const [side, setSide] = useState<"inspect" | "test">("inspect");
  const [help, setHelp] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [history, setHistory] = useState(false);
  const access = usePublishAccess();
  const canPublish = useCan("publisher");
  const [toast, setToast] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const preview = usePreviewData(graph);

  const saveNow = useAutosave(store, journey.id, !readOnly);
  useValidation(store);
  const live = journey.status === "live" || journey.status === "paused";
  useLiveStats(store, journey.id, live && viewingVersion === null);

  const notify = useCallback((message: string) => {
    setToast(message);
    setTimeout(() => setToast((t) => (t === message ? null : t)), 1800);
  }, []);

  const ctx: CommandContext = useMemo(
    () => ({
      store,
      viewport: {
        fitView: () => void flow.fitView({ padding: 0.2, duration: 250, maxZoom: 1.1 }),
        zoomIn: () => void flow.zoomIn({ duration: 150 }),
        zoomOut: () => void flow.zoomOut({ duration: 150 }),
      },
      layout: (g, measured) =>
        layoutGraph(g, measured, (id) => {
          const node = g.nodes.find((n) => n.id === id);
          return node ? portsFor(catalog.get(node.type), node.config) : [];
        }),
      ui: {
        toggleHelp: () => setHelp((h) => !h),
        openTest: () => setSide("test"),
        openPublish: () => setPublishing(true),
        saveNow: () =>
          void saveNow().then(
            () => notify("Draft saved"),
            (e: unknown) => notify(errorMessage(e)),
          ),
        notify,
      },
    }),
    [store, flow, catalog, saveNow, notify],
  );
  useCommandKeys(ctx, !help && !publishing);

  const statusAction = async (action: "pause" | "resume" | "archive") => {
    setActionError(null);
    try {
      await journeysApi.action(journey.id, action);
      onJourneyChange(await journeysApi.get(journey.id));
    } catch (err) {
      setActionError(errorMessage(err));
    }
  };

  const selectedId = selectedNodeIds.size === 1 ? [...selectedNodeIds][0] : undefined;

  return (
    <PreviewContext.Provider value={preview}>
      <div className="editor">
        <header className="toolbar">
          <Link
            to="/"
            className="btn btn--ghost btn--icon"
            aria-label="Back to journeys"
            title="Back to journeys"
          >
            <Icon name="journeys" />
          </Link>
          <div className="toolbar__title">
            <label className="sr-only" htmlFor="journey-name">
              Journey name
            </label>
            <input
              id="journey-name"
              className="toolbar__name"
              value={name}
              readOnly={readOnly}
              onChange={(e) =>
                store
                  .getState()
                  .dispatch(
                    { kind: "rename", name: e.target.value },
                    { coalesceKey: "journey:name" },
                  )
              }
            />
            <StatusBadge
              status={viewingVersion !== null ? `version ${viewingVersion}` : journey.status}
            />
            {journey.liveVersion && viewingVersion === null ? (
              <span className="muted small">v{journey.liveVersion} live</span>
            ) : null}
          </div>
          <SaveIndicator readOnly={readOnly} />
          <span className="grow" />
          <div className="toolbar__group" role="group" aria-label="Edit">
            <ToolbarButton id="undo" icon="undo" ctx={ctx} />
            <ToolbarButton id="redo" icon="redo" ctx={ctx} />
            <ToolbarButton id="auto-layout" icon="tidy" ctx={ctx} />
            <ToolbarButton id="fit-view" icon="fit" ctx={ctx} />
            <ToolbarButton id="help" icon="keyboard" ctx={ctx} />
          </div>
          {viewingVersion !== null ? (
            <button
              type="button"
              className="btn"
              onClick={() => navigate(`/journeys/${journey.id}`)}
            >
              Back to draft
            </button>
          ) : (
            <>
              {journey.status === "live" ? (
                <button
                  type="button"
                  className="btn"
                  onClick={() => void statusAction("pause")}
                  disabled={!canPublish.allowed}
                  title={canPublish.why || undefined}
                >
                  <Icon name="pause" /> Pause
                </button>
              ) : journey.status === "paused" ? (
                <button
                  type="button"
                  className="btn"
                  onClick={() => void statusAction("resume")}
                  disabled={!canPublish.allowed}
                  title={canPublish.why || undefined}
                >
                  <Icon name="play" /> Resume
                </button>
              ) : null}
              <button
                type="button"
                className="btn"
                onClick={() => setHistory(true)}
                data-testid="open-history"
              >
                History
              </button>
              <button
                type="button"
                className={side === "test" ? "btn btn--active" : "btn"}
                onClick={() => setSide(side === "test" ? "inspect" : "test")}
                data-testid="open-test"
              >
                <Icon name="play" /> Test
              </button>
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => setPublishing(true)}
                disabled={readOnly || access.mode === "none"}
                title={access.why || undefined}
                data-testid="publish"
              >
                <Icon name="upload" /> {access.mode === "request" ? "Request approval" : "Publish"}
              </button>
            </>
          )}
        </header>
        {readOnly && viewingVersion !== null ? (
          <div className="banner" role="status">
            You are viewing version {viewingVersion}, read-only.{" "}
            <Link to={`/journeys/${journey.id}`}>Open the draft</Link> to make changes.
          </div>
        ) : null}
        {actionError ? (
          <div className="banner banner--danger" role="alert">
            {actionError}
          </div>
        ) : null}
        <div className="editor__body">
          {readOnly ? null : <Palette />}
          <div className="editor__canvas">
            <div className="editor__flow">
              <Canvas />
              {graph.nodes.length === 0 ? (
                <div className="canvas-empty">
                  <Icon name="bolt" />
                  <h2>Start with a trigger</h2>
                  <p>
                    Drag a trigger from the palette onto the canvas, then add messages, waits and
                    branches below it.
                  </p>
                </div>
              ) : null}
              {toast ? (
                <div className="toast" role="status">
                  {toast}
                </div>
              ) : null}
            </div>
            {/* Docked under the canvas, never over it: it must not block a drop or hide zoom and fit. */}
            <ProblemsPanel />
          </div>
          <aside className="sidepanel" aria-label="Details">
            {side === "test" && viewingVersion === null ? (
              <TestPanel
                journeyId={journey.id}
                saveNow={saveNow}
                onClose={() => setSide("inspect")}
              />
            ) : selectedId ? (
              <NodePanel nodeId={selectedId} journeyId={journey.id} live={live} />
            ) : (
              <JourneyPanel problemsCount={problems.length} journeyId={journey.id} />
            )}
          </aside>
        </div>
        {help ? <ShortcutsOverlay onClose={() => setHelp(false)} /> : null}
        {history ? (
          <VersionHistoryDialog
            journey={journey}
            title={(type) => catalog.get(type)?.title ?? type}
            onClose={() => setHistory(false)}
            onRestored={(restored, version) => {
              setHistory(false);
              store.getState().load(restored.document, { readOnly: false });
              onJourneyChange(restored);
              notify(`Version ${version} is the draft again`);
            }}
          />
        ) : null}
        {publishing ? (
          <PublishDialog
            journeyId={journey.id}
            liveVersion={journey.liveVersion}
            saveNow={saveNow}
            mode={access.mode === "request" ? "request" : "publish"}
            onRequested={() => {
              setPublishing(false);
              notify("Sent to the publishers for approval");
            }}
            onClose={() => setPublishing(false)}
            onPublished={(version) => {
              setPublishing(false);
              notify(`Version ${version} is live`);
              void journeysApi
                .get(journey.id)
                .then(onJourneyChange, () =>
                  onJourneyChange({ ...journey, status: "live", liveVersion: version }),
                );
            }}
          />
        ) : null}
      </div>
    </PreviewContext.Provider>
  );
}
