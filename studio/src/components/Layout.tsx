import { NavLink, Outlet, useMatch } from "react-router";
import { Icon } from "./Icon.js";
import { roleName, useMe } from "../auth/MeContext.js";

const LINKS = [
  { to: "/", label: "Journeys", icon: "journeys", end: true },
  { to: "/profiles", label: "Profiles", icon: "profiles" },
  { to: "/segments", label: "Segments", icon: "segments" },
  { to: "/messages", label: "Messages", icon: "messages" },
  { to: "/templates", label: "Templates", icon: "layers" },
  { to: "/analytics", label: "Analytics", icon: "analytics" },
  { to: "/approvals", label: "Approvals", icon: "check" },
  { to: "/audit", label: "Audit log", icon: "clock" },
  { to: "/team", label: "Team", icon: "users" },
  { to: "/settings", label: "Settings", icon: "settings" },
];

/** The app shell: a left navigation and the current screen. */
export function Layout({ onSignOut }: { onSignOut(): void }) {
  // The editor needs the width: there the navigation shrinks to icons.
  const compact = useMatch("/journeys/:id") !== null;
  const me = useMe();
  return (
    <div className={compact ? "shell shell--compact" : "shell"}>
      <nav className="nav" aria-label="Main">
        <div className="nav__brand">
          <img src="/favicon.svg" alt="" />
          <span className="nav__label">Omnijourney</span>
        </div>
        {LINKS.map((link) => (
          <NavLink
            key={link.to}
            to={link.to}
            end={link.end}
            className="nav__link"
            title={compact ? link.label : undefined}
          >
            <Icon name={link.icon} />
            <span className="nav__label">{link.label}</span>
          </NavLink>
        ))}
        <div className="nav__spacer" />
        {me && !compact ? (
          <div className="nav__footer" data-testid="signed-in-as">
            {me.name} · {roleName(me.role)}
          </div>
        ) : null}
        <button type="button" className="nav__link nav__signout" onClick={onSignOut}>
          <Icon name="logout" />
          <span className="nav__label">Sign out</span>
        </button>
        {compact ? null : <div className="nav__footer">Studio · v0.1</div>}
      </nav>
      {/* Focusable so keyboard users can scroll screens that have no control to tab to (axe: scrollable-region-focusable). */}
      <main className="main" id="main" tabIndex={0}>
        <Outlet />
      </main>
    </div>
  );
}
