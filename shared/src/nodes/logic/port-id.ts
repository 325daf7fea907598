import { z } from "zod";

/** Id of a config-defined port (a case or a variant): becomes a port name and a key in plans. */
export const PortId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, "Use 1–40 letters, digits, '_' or '-'")
  .refine(
    (id) => id !== "else" && id !== "__proto__" && id !== "constructor" && id !== "prototype",
    "This name is reserved",
  );
