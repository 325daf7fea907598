import { useReactFlow } from "@xyflow/react";
import { Icon } from "../components/Icon.js";
import { useEditorEnvironment } from "../canvas/hooks/EditorContext.js";
import { useEditor } from "../canvas/hooks/useEditor.js";
import { useNodeCounts } from "../canvas/hooks/useNodeCounts.js";
import { useNodeProblems } from "../canvas/hooks/useNodeProblems.js";
import { ExperimentResults } from "./ExperimentResults.js";
import { MessageLibrary } from "./message/MessageLibrary.js";
import { messageChannel, PreviewMessageButton } from "./message/PreviewMessageButton.js";
import { SchemaForm } from "./form/SchemaForm.js";
import { usePreview } from "./previewContext.js";
import { fieldErrors } from "./problemPaths.js";
import { stepTiles } from "./stepTiles.js";

/** The side panel for one node: its name and the config form generated from its type's schema. */
export function NodePanel({
  nodeId,
  journeyId,
  live,
}: {
  nodeId: string;
  journeyId: string;
  live: boolean;
}) {
  const { store, catalog } = useEditorEnvironment();
  const node = useEditor((s) => s.graph.nodes.find((n) => n.id === nodeId));
  const readOnly = useEditor((s) => s.readOnly);
  const problems = useNodeProblems(nodeId);
  const counts = useNodeCounts(nodeId);
  const preview = usePreview();
  const flow = useReactFlow();
  if (!node) return null;
  const info = catalog.get(node.type);
  const channel = info ? messageChannel(info.type) : null;

  return (
    <div className="panel" data-testid="node-panel">
      <header className="panel__header">
        <span className={`panel__icon jcat--${info?.category ?? "action"}`}>
          <Icon name={info?.icon ?? "box"} />
        </span>
        <div className="grow">
          <h2>{node.name?.trim() || info?.title || "Step"}</h2>
          {node.name?.trim() && info?.title ? <div className="panel__sub">{info.title}</div> : null}
        </div>
        <button
          type="button"
          className="btn btn--ghost btn--icon"
          aria-label="Close panel"
          onClick={() => store.getState().setSelection([], [])}
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="panel__body">
        {info?.description ? <p className="panel__desc">{info.description}</p> : null}
        {!info ? (
          <div className="alert alert--warning">
            This node type is not installed on the server. Its config is kept as it is.
          </div>
        ) : null}
        {problems.length ? (
          <ul className="panel__problems" aria-label="Problems with this step">
            {problems.map((p, i) => (
              <li key={i}>
                <Icon name="alert" />
                <span>{p.message}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {counts ? (
          <div className="panel__counts" data-testid="step-counts">
            {stepTiles(counts).map((tile) => (
              <div
                key={tile.label}
                className={tile.alert ? "panel__count--alert" : undefined}
                data-testid={`step-count-${tile.label}`}
              >
                <b>{tile.value}</b>
                {tile.label}
              </div>
            ))}
          </div>
        ) : null}
        {counts?.ports && Object.keys(counts.ports).length > 1 ? (
          <div className="panel__ports" data-testid="port-counts">
            <h3 className="panel__section">By output</h3>
            {Object.entries(counts.ports).map(([port, n]) => {
              const total = Object.values(counts.ports ?? {}).reduce((a, b) => a + b, 0);
              return (
                <div key={port} className="port-bar">
                  <span className="port-bar__label">{port}</span>
                  <span className="bar grow">
                    <span style={{ width: `${total ? (n / total) * 100 : 0}%` }} />
                  </span>
                  <span className="port-bar__n">{n}</span>
                </div>
              );
            })}
          </div>
        ) : null}
        {live && node.type === "experiment.split" ? (
          <ExperimentResults journeyId={journeyId} nodeId={node.id} />
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor="node-name">
            Step name <span className="field__optional"> · optional</span>
          </label>
          <input
            id="node-name"
            className="input"
            placeholder={info?.title ?? ""}
            value={node.name ?? ""}
            readOnly={readOnly}
            onChange={(e) =>
              store
                .getState()
                .dispatch(
                  { kind: "renameNode", nodeId, name: e.target.value },
                  { coalesceKey: `${nodeId}:name` },
                )
            }
          />
        </div>
        {info ? (
          <SchemaForm
            key={node.id}
            schema={info.schema}
            ui={info.ui}
            value={node.config}
            readOnly={readOnly}
            segments={preview?.segments ?? []}
            events={preview?.events ?? []}
            suggestions={preview?.suggestions ?? []}
            renderPreview={preview?.render}
            errors={fieldErrors(problems)}
            onChange={(config) =>
              store
                .getState()
                .dispatch(
                  { kind: "updateConfig", nodeId, config },
                  { coalesceKey: `${nodeId}:config` },
                )
            }
          />
        ) : null}
        {preview && preview.profiles.length && info?.ui.liquid?.length ? (
          <div className="field">
            <label className="field__label" htmlFor="preview-profile">
              Preview as
            </label>
            <select
              id="preview-profile"
              className="select"
              value={preview.profile?.id ?? ""}
              onChange={(e) => preview.selectProfile(e.target.value)}
            >
              {preview.profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {String(p.attributes.email ?? p.attributes.firstName ?? p.id)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {info ? (
          <PreviewMessageButton info={info} config={node.config} journeyId={journeyId} />
        ) : null}
        {channel && channel !== "webhook" ? (
          <MessageLibrary
            channel={channel}
            config={node.config}
            readOnly={readOnly}
            onChange={(config) =>
              store.getState().dispatch({ kind: "updateConfig", nodeId, config })
            }
          />
        ) : null}
      </div>
      {!readOnly ? (
        <footer className="panel__footer">
          <button
            type="button"
            className="btn btn--sm"
            onClick={() => {
              const n = store.getState().graph.nodes.find((x) => x.id === nodeId);
              if (n)
                flow.setCenter(n.position.x + 120, n.position.y + 40, {
                  zoom: flow.getZoom(),
                  duration: 300,
                });
            }}
          >
            Center
          </button>
          <span className="grow" />
          <button
            type="button"
            className="btn btn--sm btn--danger"
            onClick={() =>
              store.getState().dispatch({ kind: "removeElements", nodeIds: [nodeId], edgeIds: [] })
            }
          >
            <Icon name="trash" /> Delete step
          </button>
        </footer>
      ) : null}
    </div>
  );
}
