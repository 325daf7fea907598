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
  const enabled = options.enabled ?? true;

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    const id = ++request.current;
    setLoading(true);
    load().then(
      (value) => {
        if (id !== request.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (id !== request.current) return;
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
        (value) => id === request.current && setData(value),
        () => undefined,
      );
    }, options.pollMs);
    return () => clearInterval(timer);
  }, [...deps, options.pollMs, enabled]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading: loading && data === undefined, reload, setData };
}
