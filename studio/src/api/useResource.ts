import { useCallback, useEffect, useRef, useState } from "react";

export type Resource<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  setData(data: T): void;
};

/**
 * Loads data for a screen: the latest request wins, earlier answers are dropped. With `pollMs`
 * it refreshes in the background without flashing the loading state.
 */
export function useResource<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  options: { pollMs?: number; enabled?: boolean } = {},
): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const request = useRef(0);
  // Answers are taken newest first: one older than the last taken, or from before the deps changed,
  // is dropped. A poll does not void the load it overlaps (a screen slower than its poll interval
  // would otherwise never get an answer).
  const since = useRef(0);
  const taken = useRef(0);
  const take = (id: number): boolean => {
    if (id < since.current || id <= taken.current) return false;
    taken.current = id;
    return true;
  };
  const enabled = options.enabled ?? true;

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    const id = ++request.current;
    since.current = id;
    setLoading(true);
    load().then(
      (value) => {
        if (!take(id)) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!take(id)) return;
        setError(err);
        setLoading(false);
      },
    );
    // `load` is recreated each render; `deps` says when it changes meaningfully.
  }, [...deps, nonce, enabled]);

  useEffect(() => {
    if (!options.pollMs || !enabled) return;
    const timer = setInterval(() => {
      const id = ++request.current;
      load().then(
        (value) => take(id) && setData(value),
        () => undefined,
      );
    }, options.pollMs);
    return () => clearInterval(timer);
  }, [...deps, options.pollMs, enabled]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading: loading && data === undefined, reload, setData };
}
