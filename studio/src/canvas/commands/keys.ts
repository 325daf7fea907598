/** A key event reduced to what shortcut matching needs (a DOM KeyboardEvent fits). */
export type KeyInput = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
};

const ALIASES: Record<string, string> = { del: "delete", esc: "escape", plus: "+", space: " " };

function canonical(mod: boolean, shift: boolean, alt: boolean, key: string): string {
  const lower = key.length === 1 ? key.toLowerCase() : key.toLowerCase();
  // Shift is part of a printable symbol ("?" is shift+/), so it is not a separate modifier there.
  const symbol = lower.length === 1 && !/[a-z0-9]/.test(lower);
  return [mod ? "mod" : "", shift && !symbol ? "shift" : "", alt ? "alt" : "", lower]
    .filter(Boolean)
    .join("+");
}

/** Normalises a combo written in a command ("Mod+Shift+Z") to the form events produce. */
export function normaliseCombo(combo: string): string {
  const parts = combo.split("+").map((p) => p.trim().toLowerCase());
  // "mod++" is mod and the plus key.
  if (combo.endsWith("++")) parts.splice(parts.length - 2, 2, "+");
  const key = parts.pop() ?? "";
  return canonical(
    parts.includes("mod"),
    parts.includes("shift"),
    parts.includes("alt"),
    ALIASES[key] ?? key,
  );
}

export function comboOf(event: KeyInput): string {
  return canonical(event.ctrlKey || event.metaKey, event.shiftKey, event.altKey, event.key);
}

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** How a combo is shown to people: ⌘Z on a Mac, Ctrl+Z elsewhere. */
export function displayCombo(combo: string): string[] {
  return normaliseCombo(combo)
    .split(/\+(?!$)/)
    .map((part) => {
      switch (part) {
        case "mod":
          return isMac ? "⌘" : "Ctrl";
        case "shift":
          return isMac ? "⇧" : "Shift";
        case "alt":
          return isMac ? "⌥" : "Alt";
        case "delete":
          return "Del";
        case "backspace":
          return "⌫";
        case "escape":
          return "Esc";
        default:
          return part.length === 1 ? part.toUpperCase() : part;
      }
    });
}
