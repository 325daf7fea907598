import { useEffect, useState } from "react";
import { profilesApi, type Profile } from "../api/profiles.js";
import { Icon } from "./Icon.js";

/** How a profile is named on screen: its name and email, else its email, else its id. */
export function profileName(p: Pick<Profile, "id" | "attributes">): string {
  const a = p.attributes;
  const name = [a.firstName, a.lastName].filter((x) => typeof x === "string" && x).join(" ");
  const email = typeof a.email === "string" ? a.email : "";
  if (name && email) return `${name} (${email})`;
  return name || email || p.id;
}

/**
 * Chooses one profile by typing part of a name, email, phone or id (the API's profile search);
 * the chosen one shows as a chip that clears the choice.
 */
export function ProfilePicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange(profileId: string): void;
}) {
  const [text, setText] = useState("");
  const [matches, setMatches] = useState<Profile[]>([]);
  const [chosen, setChosen] = useState<Profile | null>(null);

  useEffect(() => {
    if (!value) return setChosen(null);
    let live = true;
    profilesApi.get(value).then(
      (p) => live && setChosen(p),
      () => live && setChosen(null),
    );
    return () => {
      live = false;
    };
  }, [value]);

  useEffect(() => {
    if (!text.trim()) return setMatches([]);
    let live = true;
    const timer = setTimeout(() => {
      profilesApi.list(text.trim()).then(
        (page) => live && setMatches(page.items.slice(0, 8)),
        () => live && setMatches([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  if (value)
    return (
      <span className="chip" data-testid="profile-chip">
        {chosen ? profileName(chosen) : value}
        <button
          type="button"
          className="btn btn--ghost btn--icon btn--sm"
          aria-label="Show every profile"
          onClick={() => onChange("")}
        >
          <Icon name="close" />
        </button>
      </span>
    );
  return (
    <div className="picker">
      <input
        id={id}
        className="input input--auto"
        placeholder="Any customer: type a name or email"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={`${id}-matches`}
        aria-autocomplete="list"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {matches.length ? (
        <ul className="suggestions" id={`${id}-matches`} role="listbox">
          {matches.map((p) => (
            <li
              key={p.id}
              role="option"
              aria-selected={false}
              className="suggestion"
              onMouseDown={(e) => {
                e.preventDefault();
                setText("");
                setMatches([]);
                onChange(p.id);
              }}
            >
              {profileName(p)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
