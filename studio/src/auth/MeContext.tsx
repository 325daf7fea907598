import { createContext, useContext } from "react";
import { roleAllows, type Me, type Role } from "@omnijourney/shared";

/** Who is signed in (the app provides it once /api/me answered). */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me | null {
  return useContext(MeContext);
}

const ROLE_NAMES: Record<Role, string> = {
  viewer: "Viewer",
  editor: "Editor",
  publisher: "Publisher",
  admin: "Admin",
};

/** A role as the team page shows it. */
export const roleName = (role: Role): string => ROLE_NAMES[role];

/** "an admin", "an editor", "a publisher", "a viewer": the role in a sentence. */
const aRole = (role: Role): string =>
  `${/^[aeiou]/i.test(role) ? "an" : "a"} ${ROLE_NAMES[role].toLowerCase()}`;

/**
 * Whether the signed-in person may do what needs `role`, and if not, the sentence that says why (shown next
 * to or on the disabled control).
 */
export function useCan(role: Role): { allowed: boolean; why: string } {
  const me = useMe();
  const allowed = me !== null && roleAllows(me.role, role);
  return {
    allowed,
    why: allowed
      ? ""
      : `Only ${aRole(role)}${role === "admin" ? "" : " or above"} can do this; you are ${me ? aRole(me.role) : "signed out"}.`,
  };
}
