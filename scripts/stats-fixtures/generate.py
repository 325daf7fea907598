"""Reference values for shared/src/stats, computed independently with SciPy.

Writes shared/test/fixtures/experiment-stats.json; shared/test/experiment-stats-fixtures.test.ts compares the
TypeScript implementation with it to 1e-6. CI does not run Python: the JSON is committed.

    python3 -m venv /tmp/stats-venv && /tmp/stats-venv/bin/pip install scipy
    /tmp/stats-venv/bin/python scripts/stats-fixtures/generate.py

Independence: the z-test, Fisher, Wilson and chi-squared come from scipy.stats; the Beta probability and
expected loss by numerical integration (scipy.integrate.quad), not the closed-form sum the TypeScript uses;
the always-valid p-value by integrating the likelihood ratio over the N(0, tau^2) mixture numerically, and the
confidence sequence by root-finding on that integral, not the closed forms; Holm by its step-down definition.
"""

import json
import math
import pathlib

import scipy
from scipy import integrate, optimize, stats

ALPHA = 0.05
HORIZON = 10_000
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "shared" / "test" / "fixtures" / "experiment-stats.json"


def z_test(k1, n1, k0, n0):
    pooled = (k1 + k0) / (n1 + n0)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0))
    z = (k1 / n1 - k0 / n0) / se
    return 2 * stats.norm.sf(abs(z))


def wilson(k, n):
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=1 - ALPHA, method="wilson")
    return [ci.low, ci.high]


def holm(ps):
    """Step-down: reject H(1..i) while p(i) <= alpha / (m - i + 1); adjusted p by the running maximum."""
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    out = [0.0] * m
    prev = 0.0
    for rank, i in enumerate(order):
        prev = max(prev, min(1.0, (m - rank) * ps[i]))
        out[i] = prev
    return out


def beta_params(k, n):
    return 1 + k, 1 + n - k


def prob_b_beats_a(ka, na, kb, nb):
    aa, ba = beta_params(ka, na)
    ab, bb = beta_params(kb, nb)
    lo, hi = beta_bounds(aa, ba, ab, bb)
    f = lambda x: stats.beta.pdf(x, ab, bb) * stats.beta.cdf(x, aa, ba)
    val, _ = integrate.quad(f, lo, hi, epsabs=1e-13, epsrel=1e-12, limit=500)
    return val


def beta_bounds(*params):
    """An integration range holding all but ~1e-15 of each posterior's mass."""
    pairs = [(params[0], params[1]), (params[2], params[3])]
    lo = min(stats.beta.ppf(1e-15, a, b) for a, b in pairs)
    hi = max(stats.beta.isf(1e-15, a, b) for a, b in pairs)
    return lo, hi


def expected_loss_choosing_b(ka, na, kb, nb):
    """E[max(pA - pB, 0)] = integral over x of fA(x) * E[(x - pB)+] = fA(x) * (x FB(x) - int_0^x y fB(y) dy)."""
    aa, ba = beta_params(ka, na)
    ab, bb = beta_params(kb, nb)
    lo, hi = beta_bounds(aa, ba, ab, bb)

    def inner(x):
        partial, _ = integrate.quad(lambda y: y * stats.beta.pdf(y, ab, bb), 0, x, epsabs=1e-14)
        return stats.beta.pdf(x, aa, ba) * (x * stats.beta.cdf(x, ab, bb) - partial)

    val, _ = integrate.quad(inner, lo, hi, epsabs=1e-13, epsrel=1e-11, limit=500)
    return val


def rho2():
    l = -2 * math.log(ALPHA)
    return (l + math.log(1 + l)) / HORIZON


def log_mixture_lr(diff, variance, tau2, theta0=0.0):
    """log of the likelihood ratio of N(theta, V) against N(theta0, V) for the estimate, mixed over
    theta ~ N(theta0, tau2), integrated numerically in log space (shifted by the integrand's peak)."""
    sd = math.sqrt(tau2)

    def expo(t):
        return ((diff - theta0) ** 2 - (diff - theta0 - t) ** 2) / (2 * variance) + stats.norm.logpdf(t, 0, sd)

    peak = optimize.minimize_scalar(lambda t: -expo(t), bracket=(-sd, sd)).x
    top = expo(peak)
    spread = math.sqrt(variance * tau2 / (variance + tau2))
    val, _ = integrate.quad(
        lambda t: math.exp(expo(t) - top), peak - 40 * spread, peak + 40 * spread, epsabs=0, epsrel=1e-13, limit=500
    )
    return top + math.log(val)


def always_valid(k1, n1, k0, n0):
    p1, p0 = k1 / n1, k0 / n0
    variance = p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0
    diff = p1 - p0
    tau2 = rho2() * (n1 + n0) * variance
    p_value = min(1.0, math.exp(-log_mixture_lr(diff, variance, tau2)))
    g = lambda t0: log_mixture_lr(diff, variance, tau2, t0) - math.log(1 / ALPHA)
    width = 50 * math.sqrt(variance)
    lower = optimize.brentq(g, diff - width, diff, xtol=1e-14)
    upper = optimize.brentq(g, diff, diff + width, xtol=1e-14)
    return p_value, [max(-1.0, lower), min(1.0, upper)]


def sample_size(p0, mde, alpha, power):
    p1 = p0 * (1 + mde)
    za, zb = stats.norm.ppf(1 - alpha / 2), stats.norm.ppf(power)
    bar = (p0 + p1) / 2
    root = za * math.sqrt(2 * bar * (1 - bar)) + zb * math.sqrt(p0 * (1 - p0) + p1 * (1 - p1))
    return math.ceil(root**2 / (p1 - p0) ** 2)


TWO_ARM = [  # (variant converted, variant enrolled, control converted, control enrolled)
    (250, 1000, 200, 1000),
    (120, 1000, 100, 1000),
    (1210, 10000, 1000, 10000),
    (31, 400, 22, 380),
    (530, 5200, 498, 5000),
    (2, 50, 9, 60),
]
FISHER = [(3, 1, 1, 3), (1, 39, 6, 34), (0, 12, 5, 9), (7, 93, 2, 98), (10, 10, 3, 17)]
WILSON = [(0, 10), (1, 40), (200, 1000), (1210, 10000), (45, 45), (7, 93)]
HOLM = [[0.01, 0.04, 0.03], [0.2, 0.001, 0.5, 0.04], [0.049]]
SRM = [([5010, 4990], [0.5, 0.5]), ([5300, 4700], [0.5, 0.5]), ([4100, 4000, 1900], [0.4, 0.4, 0.2])]


def main():
    fixtures = {
        "generator": f"scripts/stats-fixtures/generate.py (scipy {scipy.__version__})",
        "alpha": ALPHA,
        "sequentialHorizon": HORIZON,
        "zTest": [{"input": list(c), "pValue": z_test(*c)} for c in TWO_ARM],
        "fisher": [
            {"input": list(t), "pValue": stats.fisher_exact([[t[0], t[1]], [t[2], t[3]]]).pvalue} for t in FISHER
        ],
        "wilson": [{"input": list(w), "interval": wilson(*w)} for w in WILSON],
        "holm": [{"input": ps, "adjusted": holm(ps)} for ps in HOLM],
        "bayes": [
            {
                "input": list(c),
                "probabilityToBeatControl": prob_b_beats_a(c[2], c[3], c[0], c[1]),
                "expectedLoss": expected_loss_choosing_b(c[2], c[3], c[0], c[1]),
            }
            for c in TWO_ARM
        ],
        "alwaysValid": [
            dict(zip(["pValue", "confidenceSequence"], always_valid(*c)), input=list(c)) for c in TWO_ARM
        ],
        "sampleRatio": [
            {"input": {"enrolled": e, "shares": s}, "pValue": stats.chisquare(e, [sum(e) * x for x in s]).pvalue}
            for e, s in SRM
        ],
        "sampleSize": [
            {"input": [p0, mde, ALPHA, 0.8], "perArm": sample_size(p0, mde, ALPHA, 0.8)}
            for p0, mde in [(0.1, 0.1), (0.1, 0.2), (0.03, 0.15), (0.5, 0.05)]
        ],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixtures, indent=2) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
