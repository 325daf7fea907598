import { useEffect } from "react";
import { commandRegistry } from "../canvas/commands/index.js";
import { displayCombo } from "../canvas/commands/keys.js";
import { Icon } from "../components/Icon.js";

/** The `?` overlay: every command and its keys, straight from the command registry. */
export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" || e.key === "?") {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  const groups = new Map<string, typeof commandRegistry.all>();
  for (const c of commandRegistry.all) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return (
    <div className="backdrop" role="presentation" onClick={onClose}>
      <div
        className="dialog dialog--wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="dialog__header">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button
            type="button"
            className="btn btn--ghost btn--icon"
            aria-label="Close"
            onClick={onClose}
            autoFocus
          >
            <Icon name="close" />
          </button>
        </header>
        <div className="dialog__body shortcuts">
          {[...groups.entries()].map(([group, commands]) => (
            <section key={group}>
              <h3>{group}</h3>
              <dl>
                {commands.map((c) => (
                  <div key={c.id} className="shortcuts__row">
                    <dt>{c.label}</dt>
                    <dd>
                      {c.keys.slice(0, 2).map((k, i) => (
                        <span key={k} className="shortcuts__combo">
                          {i > 0 ? <span className="muted"> or </span> : null}
                          {displayCombo(k).map((part) => (
                            <kbd key={part} className="kbd">
                              {part}
                            </kbd>
                          ))}
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
