import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, LinePath } from "@visx/shape";

/** One day of a series. */
export type TrendDatum = { day: string; value: number };

export type TrendChartProps = {
  title: string;
  data: readonly TrendDatum[];
  /** Optional second series drawn as a line over the bars (same scale). */
  line?: readonly TrendDatum[];
  format(value: number): string;
  width?: number;
  height?: number;
};

const MARGIN = { top: 12, right: 12, bottom: 24, left: 56 };

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

/** Daily bars (and an optional line) drawn with visx (decision 0017); loaded lazily by LazyTrendChart. */
export default function TrendChart({
  title,
  data,
  line,
  format,
  width = 640,
  height = 180,
}: TrendChartProps) {
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1e-9, ...data.map((d) => d.value), ...(line ?? []).map((d) => d.value));
  const x = scaleBand<string>({
    domain: data.map((d) => d.day),
    range: [0, innerWidth],
    padding: 0.2,
  });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const ticks = y.ticks(3);
  const labelEvery = Math.max(1, Math.ceil(data.length / 8));
  return (
    <svg
      className="trend-chart"
      role="img"
      aria-label={`${title}, ${data.length} days`}
      viewBox={`0 0 ${width} ${height}`}
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={0} x2={innerWidth} y1={y(t)} y2={y(t)} className="trend-chart__grid" />
            <text x={-6} y={y(t)} dy="0.32em" textAnchor="end" className="trend-chart__tick">
              {format(t)}
            </text>
          </g>
        ))}
        {data.map((d) => (
          <Bar
            key={d.day}
            x={x(d.day) ?? 0}
            y={y(d.value)}
            width={x.bandwidth()}
            height={innerHeight - y(d.value)}
            className="trend-chart__bar"
          >
            <title>{`${shortDay(d.day)}: ${format(d.value)}`}</title>
          </Bar>
        ))}
        {line ? (
          <LinePath
            data={[...line]}
            x={(d) => (x(d.day) ?? 0) + x.bandwidth() / 2}
            y={(d) => y(d.value)}
            className="trend-chart__line"
          />
        ) : null}
        {data.map((d, i) =>
          i % labelEvery === 0 ? (
            <text
              key={d.day}
              x={(x(d.day) ?? 0) + x.bandwidth() / 2}
              y={innerHeight + 16}
              textAnchor="middle"
              className="trend-chart__tick"
            >
              {shortDay(d.day)}
            </text>
          ) : null,
        )}
      </Group>
    </svg>
  );
}
