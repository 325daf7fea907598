import { Liquid } from "liquidjs";

const liquid = new Liquid();

/** Parses a Liquid template; returns the syntax error's message, or null when it parses. Never throws. */
export function templateError(source: string): string | null {
  try {
    liquid.parse(source);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes("call stack")) return "the template nests tags too deeply";
    const first = message.split("\n")[0] ?? message;
    return first.length > 200 ? `${first.slice(0, 197)}...` : first;
  }
}
