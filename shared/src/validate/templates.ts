import { Liquid } from "liquidjs";

/** Created on first use: importing the shared package (the studio does at start-up) should not pay for it. */
let liquid: Liquid | null = null;

/** Parses a Liquid template; returns the syntax error's message, or null when it parses. Never throws. */
export function templateError(source: string): string | null {
  try {
    liquid ??= new Liquid();
    liquid.parse(source);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes("call stack")) return "the template nests tags too deeply";
    const first = message.split("\n")[0] ?? message;
    return first.length > 200 ? `${first.slice(0, 197)}...` : first;
  }
}
