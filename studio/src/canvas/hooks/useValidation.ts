import { useEffect } from "react";
import { journeysApi } from "../../api/journeys.js";
import type { EditorStore } from "../store/editorStore.js";

/**
 * Validates the draft with the server's validator (it knows every installed node type, custom
 * ones too) a moment after each change, and puts the problems on the nodes.
 */
export function useValidation(store: EditorStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let request = 0;
    const validate = () => {
      const id = ++request;
      const { graph } = store.getState();
      journeysApi.validate(graph).then(
        (result) => {
          if (id === request) store.getState().setProblems(result.problems);
        },
        () => undefined,
      );
    };
    validate();
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.graph === prev.graph) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(validate, 350);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store]);
}
