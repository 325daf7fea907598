import { useState, type DragEvent } from "react";
import { groupByCategory } from "../catalog/catalog.js";
import { Icon } from "../components/Icon.js";
import { PALETTE_MIME } from "./Canvas.js";
import { useEditorEnvironment } from "./hooks/EditorContext.js";
import { useAddNode } from "./hooks/useAddNode.js";

/** Node types grouped by category; drag one onto the canvas, or press it to add it in view. */
export function Palette() {
  const { catalog } = useEditorEnvironment();
  const addNode = useAddNode();
  const [filter, setFilter] = useState("");
  const f = filter.trim().toLowerCase();
  const types = f
    ? catalog.types.filter((t) => `${t.title} ${t.type} ${t.description}`.toLowerCase().includes(f))
    : catalog.types;
  const groups = groupByCategory(types);

  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(PALETTE_MIME, type);
    event.dataTransfer.effectAllowed = "move";
  };

  return (
    <aside className="palette" aria-label="Node palette">
      <div className="palette__search">
        <label className="sr-only" htmlFor="palette-filter">
          Filter steps
        </label>
        <input
          id="palette-filter"
          className="input input--sm"
          placeholder="Filter steps…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <div className="palette__groups">
        {groups.map((group) => (
          <section key={group.category} className="palette__group">
            <h2 className="palette__heading">{group.label}</h2>
            <ul>
              {group.types.map((t) => (
                <li key={t.type}>
                  <button
                    type="button"
                    className={`palette__item palette__item--${group.category === "custom" ? "action" : t.category}`}
                    draggable
                    data-testid={`palette-${t.type}`}
                    title={t.description || t.title}
                    onDragStart={(e) => onDragStart(e, t.type)}
                    onClick={() => addNode(t.type)}
                  >
                    <span className="palette__icon">
                      <Icon name={t.icon} />
                    </span>
                    <span className="palette__label">{t.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 ? <p className="palette__empty">No step matches “{filter}”.</p> : null}
      </div>
      <p className="palette__hint">
        Drag a step onto the canvas, then connect its outputs. To move a connection, select it and
        drag its end.
      </p>
    </aside>
  );
}
