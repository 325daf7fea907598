import { z } from "zod";
import { journeysApi } from "../api/journeys.js";
import { useResource } from "../api/useResource.js";

const Variant = z.looseObject({
  id: z.string().optional(),
  variant: z.string().optional(),
  name: z.string().nullish(),
  enrolled: z.number().optional(),
  entered: z.number().optional(),
  converted: z.number().optional(),
  conversions: z.number().optional(),
  rate: z.number().optional(),
  conversionRate: z.number().optional(),
  lift: z.number().nullish(),
  probabilityToBeBest: z.number().nullish(),
  pValue: z.number().nullish(),
});
const Results = z.union([z.array(Variant), z.looseObject({ variants: z.array(Variant) }).transform((r) => r.variants)]);

/** Per-variant conversion of an A/B node while the journey runs (polled). */
export function ExperimentResults({ journeyId, nodeId }: { journeyId: string; nodeId: string }) {
  const res = useResource(async () => Results.parse(await journeysApi.experiment(journeyId, nodeId)), [journeyId, nodeId], { pollMs: 5000 });
  if (res.loading) return <p className="muted small">Loading experiment results…</p>;
  if (res.error || !res.data) return <p className="muted small">No experiment results yet.</p>;
  return (
    <div className="experiment" data-testid="experiment-results">
      <h3>Variants</h3>
      <table className="table table--compact">
        <thead>
          <tr>
            <th>Variant</th>
            <th className="num">Entered</th>
            <th className="num">Conv.</th>
            <th className="num">Rate</th>
          </tr>
        </thead>
        <tbody>
          {res.data.map((v, i) => {
            const entered = v.enrolled ?? v.entered ?? 0;
            const converted = v.converted ?? v.conversions ?? 0;
            const rate = v.rate ?? v.conversionRate ?? (entered ? converted / entered : 0);
            return (
              <tr key={v.id ?? v.variant ?? i}>
                <td>{v.name ?? v.id ?? v.variant}</td>
                <td className="num">{entered}</td>
                <td className="num">{converted}</td>
                <td className="num">{(rate * 100).toFixed(1)}%</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
