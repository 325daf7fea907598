/** Exhaustiveness guard for tagged unions: a `switch` whose `default` calls this fails to compile when a case is missing. */
export function assertNever(value: never, message = "Unexpected value"): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}
