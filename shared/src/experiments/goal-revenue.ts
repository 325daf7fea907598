/**
 * The revenue a goal event carries in `revenueProperty`: a number, or numeric text; 0 otherwise. One rule for
 * the workflow's conversions and for the experiment arms counted at ingestion.
 */
export function goalRevenue(
  properties: Record<string, unknown>,
  revenueProperty: string | undefined,
): number {
  const raw = revenueProperty ? properties[revenueProperty] : undefined;
  if (typeof raw === "number") return raw;
  return typeof raw === "string" && raw.trim() !== "" && Number.isFinite(Number(raw))
    ? Number(raw)
    : 0;
}
