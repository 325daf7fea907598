/** Wilson score interval for k successes out of n at the normal quantile z ([0, 1] when n is 0). */
export function wilsonInterval(k: number, n: number, z: number): [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Newcombe's hybrid score interval for the difference of two proportions p1 − p2 (his method 10), built from the
 * two Wilson intervals: diff ∓ √((p1 − l1)² + (u2 − p2)²) and ±√((u1 − p1)² + (p2 − l2)²).
 */
export function newcombeInterval(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  z: number,
): [number, number] {
  const p1 = n1 > 0 ? k1 / n1 : 0;
  const p2 = n2 > 0 ? k2 / n2 : 0;
  const [l1, u1] = wilsonInterval(k1, n1, z);
  const [l2, u2] = wilsonInterval(k2, n2, z);
  const diff = p1 - p2;
  return [
    diff - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    diff + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
  ];
}
