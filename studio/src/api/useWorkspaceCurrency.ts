import { useEffect, useState } from "react";
import { settingsApi } from "./misc.js";

/** The workspace's currency for amounts on screen (USD until the settings are read). */
export function useWorkspaceCurrency(): string {
  const [currency, setCurrency] = useState("USD");
  useEffect(() => {
    let live = true;
    settingsApi.get().then(
      (s) => live && setCurrency(s.currency),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return currency;
}
