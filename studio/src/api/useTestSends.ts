import { useState } from "react";
import type { TestSendResult } from "@omnijourney/shared";
import { errorMessage } from "./client.js";
import { journeysApi, type TestRecipients } from "./journeys.js";

export type TestSends = {
  results: TestSendResult[] | null;
  error: string | null;
  busy: boolean;
  send(
    messages: { channel: string; content: Record<string, string> }[],
    to: TestRecipients,
  ): Promise<void>;
};

/** Sends rendered test messages to the marketer's addresses, with busy, error and result state. */
export function useTestSends(journeyId: string): TestSends {
  const [results, setResults] = useState<TestSendResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send: TestSends["send"] = async (messages, to) => {
    setBusy(true);
    setError(null);
    setResults(null);
    try {
      setResults(await journeysApi.sendTests(journeyId, messages, to));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { results, error, busy, send };
}
