import { pino, type DestinationStream, type Logger } from "pino";
import { maskUrlCredentials } from "@omnijourney/shared";

/** Masks URL credentials in whatever an error carries into a log line (a driver's message may quote its URI). */
const maskedError = (err: unknown): unknown => {
  const serialised = pino.stdSerializers.err(err as Error); // why: pino's serializer accepts any thrown value
  if (typeof serialised !== "object" || serialised === null) return serialised;
  const out: Record<string, unknown> = { ...serialised };
  for (const field of ["message", "stack"] as const)
    if (typeof out[field] === "string") out[field] = maskUrlCredentials(out[field]);
  return out;
};

/**
 * The one way the API and the worker make their logger: credentials are masked in every line (DESIGN.md
 * "Secrets"): URL userinfo in messages and errors, and any field named like a credential. Request headers are
 * masked by the API's request logger itself, so a logger passed in by an embedder is covered there too.
 */
export const createLogger = (
  options: { name: string; level?: string | undefined },
  destination?: DestinationStream,
): Logger =>
  pino(
    {
      name: options.name,
      level: options.level ?? "info",
      serializers: { err: maskedError, error: maskedError },
      redact: {
        paths: [
          "password",
          "*.password",
          "adminToken",
          "*.adminToken",
          "writeKey",
          "*.writeKey",
          "authorization",
          "*.authorization",
        ],
        censor: "[redacted]",
      },
      hooks: {
        logMethod(args, method) {
          for (let i = 0; i < args.length; i++) {
            const arg: unknown = args[i];
            if (typeof arg === "string") args[i] = maskUrlCredentials(arg);
          }
          method.apply(this, args);
        },
      },
    },
    destination,
  );
