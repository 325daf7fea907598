import { useEffect, useState } from "react";
import { NodeTypesResponse } from "@omnijourney/shared";
import { requestAs } from "../api/client.js";
import { buildCatalog, fromApiNodeTypes } from "./catalog.js";
import { sharedNodeTypes } from "./shared.js";
import type { Catalog } from "./types.js";

let cached: Promise<Catalog> | null = null;

/** Loads the node-type catalog once per session: the API's list merged with the shared registry. */
export function loadCatalog(): Promise<Catalog> {
  cached ??= requestAs(NodeTypesResponse, "GET", "/api/node-types").then(
    (response) => buildCatalog(fromApiNodeTypes(response), sharedNodeTypes()),
    (error: unknown) => {
      cached = null;
      throw error;
    },
  );
  return cached;
}

export function useCatalog(): { catalog: Catalog | null; error: unknown } {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    loadCatalog().then(
      (c) => live && setCatalog(c),
      (e: unknown) => {
        if (!live) return;
        // Without the API the built-in types still let the editor open (custom types are missing).
        setCatalog(buildCatalog([], sharedNodeTypes()));
        setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { catalog, error };
}
