import type { ExperimentResponse } from "@omnijourney/shared";
import { IntervalBar } from "./IntervalBar.js";
import {
  comparisonText,
  grouped,
  progressText,
  rateText,
  revenueText,
  verdictTone,
  visibleArms,
} from "./format.js";

/** The experiment readout: verdict and caveats, each arm's rate with its range and how it compares, progress. */
export function ExperimentReadout({ results }: { results: ExperimentResponse }) {
  const arms = visibleArms(results);
  const control = arms[0];
  const max = Math.max(0.01, ...arms.map((v) => v.interval[1])) * 1.1;
  const progress = progressText(results);
  const { verdict } = results;
  return (
    <div className="experiment" data-testid="experiment-results">
      <div
        className={`experiment__verdict experiment__verdict--${verdictTone(verdict.kind)}`}
        data-testid="experiment-verdict"
        role="status"
      >
        <p className="experiment__headline">{verdict.headline}</p>
        {verdict.caveats.length > 0 ? (
          <ul className="experiment__caveats">
            {verdict.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <ol className="experiment__arms" aria-label="Variants">
        {arms.map((v) => {
          const { rate, range } = rateText(v);
          const vs = control ? comparisonText(v, control.name, control.rate) : null;
          const revenue = revenueText(v);
          return (
            <li
              key={v.id}
              className={`experiment__arm${v.id === results.winner ? " experiment__arm--winner" : ""}`}
              data-testid={`experiment-arm-${v.id}`}
            >
              <div className="experiment__arm-head">
                <span className="experiment__name">{v.name}</span>
                {v.isControl ? <span className="badge badge--plain">Baseline</span> : null}
                {v.id === results.winner ? (
                  <span className="badge badge--success">Winner</span>
                ) : null}
                <span className="experiment__rate">{rate}</span>
              </div>
              <IntervalBar rate={v.rate} interval={v.interval} max={max} control={v.isControl} />
              <div className="experiment__facts small muted">
                <span>
                  {grouped(v.converted)} of {grouped(v.enrolled)} customers converted
                </span>
                <span>range {range}</span>
              </div>
              {vs ? (
                <div className="experiment__vs small">
                  <b>{vs.lift}</b> · {vs.chance}
                  {vs.range ? <div className="muted">{vs.range}</div> : null}
                </div>
              ) : null}
              {revenue ? <div className="small muted">{revenue}</div> : null}
            </li>
          );
        })}
      </ol>
      <div className="experiment__progress" data-testid="experiment-progress">
        {progress.share !== null ? (
          <span className="bar">
            <span style={{ width: `${progress.share * 100}%` }} />
          </span>
        ) : null}
        <p className="small muted">{progress.text}</p>
      </div>
    </div>
  );
}
