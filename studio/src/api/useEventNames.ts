import { useEffect, useState } from "react";
import { eventsApi } from "./events.js";

/** The workspace's tracked event names, for suggestions (empty until loaded or when the call fails). */
export function useEventNames(): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    eventsApi.names().then(
      (list) => live && setNames(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return names;
}
