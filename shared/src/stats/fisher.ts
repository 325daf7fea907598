/** log(n!) by summation with a cache (exact enough for the counts journeys produce). */
const logFactCache: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactCache.length; i <= n; i++)
    logFactCache[i] = (logFactCache[i - 1] ?? 0) + Math.log(i);
  return logFactCache[n] ?? 0;
}

/**
 * Fisher's exact test, two-sided (sum of the probabilities of all tables at least as unlikely as the observed one),
 * for the 2×2 table [[a, b], [c, d]] with fixed margins. Used when expected cell counts are too small for a z-test.
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const logP = (x: number): number =>
    logFactorial(row1) +
    logFactorial(n - row1) +
    logFactorial(col1) +
    logFactorial(n - col1) -
    logFactorial(n) -
    logFactorial(x) -
    logFactorial(row1 - x) -
    logFactorial(col1 - x) -
    logFactorial(n - row1 - col1 + x);
  const observed = logP(a);
  const lo = Math.max(0, row1 + col1 - n);
  const hi = Math.min(row1, col1);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const lp = logP(x);
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}
