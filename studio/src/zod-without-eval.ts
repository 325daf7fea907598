import { z } from "zod";

// zod probes for `new Function` to compile fast parsers; the studio's Content-Security-Policy forbids eval, and
// the probe alone is reported as a violation. Imported first by main.tsx, since modules parse schemas as they load.
z.config({ jitless: true });
