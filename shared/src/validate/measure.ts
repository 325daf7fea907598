/** Size, depth and shape facts about an untrusted value, gathered without recursion (no stack overflow on deep input). */
export type Measurement = { bytes: number; depth: number; stoppedEarly: boolean };

/**
 * Walks an untrusted value iteratively, estimating its JSON size and nesting depth. Stops as soon as a limit is
 * exceeded so hostile input costs at most `maxBytes` of work. Objects shared between places are measured at each
 * place (as JSON would serialise them); a circular reference therefore shows up as nesting beyond `maxDepth`.
 */
export function measure(value: unknown, maxBytes: number, maxDepth: number): Measurement {
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 1 }];
  let bytes = 0;
  let depth = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { v, d } = item;
    if (typeof v === "string") bytes += v.length + 2;
    else if (typeof v === "number" || typeof v === "boolean") bytes += 8;
    else if (v === null || v === undefined) bytes += 4;
    else if (typeof v === "object") {
      depth = Math.max(depth, d);
      bytes += 2;
      if (d > maxDepth) return { bytes, depth, stoppedEarly: true };
      if (Array.isArray(v)) {
        for (const child of v) stack.push({ v: child, d: d + 1 });
        bytes += v.length;
      } else if (!(v instanceof Date)) {
        for (const key of Object.keys(v)) {
          bytes += key.length + 4;
          stack.push({ v: Reflect.get(v, key), d: d + 1 });
        }
      }
    } else bytes += 8;
    if (bytes > maxBytes) return { bytes, depth, stoppedEarly: true };
  }
  return { bytes, depth, stoppedEarly: false };
}
