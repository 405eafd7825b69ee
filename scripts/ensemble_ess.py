#!/usr/bin/env python3
"""Effective sample size and split R-hat of a `boundaries ensemble` folder, computed
independently of the engine from metrics.csv (plain Python, no numpy), printed next to
what summary.json says.

    python3 scripts/ensemble_ess.py OUT_DIR

Per measure and chain: ESS = n / tau, tau = -1 + 2 * (sum of Geyer's initial positive
sequence of autocorrelation pairs), at most n log10 n; the total is the sum over chains.
R-hat: rank-normalised split R-hat (Vehtari et al. 2021), the larger of bulk and folded.
Exit status 1 when an ESS differs from the summary's by more than 1% (or 0.5)."""
import csv
import json
import math
import statistics
import sys


def mean(x):
    return sum(x) / len(x)


def ess(x):
    n = len(x)
    if n < 4:
        return float(n)
    mu = mean(x)
    d = [v - mu for v in x]

    def acov(lag):
        return sum(d[i] * d[i + lag] for i in range(n - lag)) / n

    var = acov(0)
    if not var > 1e-24 * max(1.0, mu * mu):
        return 1.0
    total = 0.0
    for lag in range(0, n - 1, 2):
        pair = (acov(lag) + acov(lag + 1)) / var
        if not pair > 0:
            break
        total += pair
    tau = max(-1.0 + 2.0 * total, 1e-9)
    return min(n / tau, n * math.log10(n))


def normal_scores(chains):
    flat = sorted((v, c, i) for c, chain in enumerate(chains) for i, v in enumerate(chain))
    out = [[0.0] * len(chain) for chain in chains]
    s = len(flat)
    normal = statistics.NormalDist()
    i = 0
    while i < s:
        j = i
        while j < s and flat[j][0] == flat[i][0]:
            j += 1
        rank = (i + 1 + j) / 2
        z = normal.inv_cdf((rank - 0.375) / (s + 0.25))
        for t in range(i, j):
            out[flat[t][1]][flat[t][2]] = z
        i = j
    return out


def psrf(chains):
    n = len(chains[0])
    means = [mean(c) for c in chains]
    within = mean([statistics.variance(c) for c in chains])
    between = statistics.variance(means) if len(chains) > 1 else 0.0
    if within <= 0:
        return 1.0 if between <= 0 else math.inf
    return math.sqrt(((n - 1) / n * within + between) / within)


def split_rhat(chains):
    usable = [c for c in chains if len(c) >= 4]
    if not usable:
        return math.nan
    half = min(len(c) // 2 for c in usable)
    halves = []
    for c in usable:
        halves += [c[:half], c[len(c) - half:]]
    bulk = psrf(normal_scores(halves))
    draws = sorted(v for h in halves for v in h)
    median = draws[len(draws) // 2]
    folded = psrf(normal_scores([[abs(v - median) for v in h] for h in halves]))
    return max(bulk, folded)


def main():
    folder = sys.argv[1]
    summary = json.load(open(f"{folder}/summary.json"))
    rows = list(csv.DictReader(open(f"{folder}/metrics.csv")))
    chains = sorted({int(r["chain"]) for r in rows})
    failed = False
    print(f"{'measure':32} {'ESS (summary)':>14} {'ESS (python)':>12} {'per chain (python)':>22} "
          f"{'R-hat (summary)':>16} {'R-hat (python)':>15}")
    for name, metric in summary["metrics"].items():
        per_chain = []
        for c in chains:
            xs = [(int(r["step"]), float(r[name])) for r in rows if int(r["chain"]) == c]
            per_chain.append([v for _, v in sorted(xs)])
        constant = len({v for chain in per_chain for v in chain}) == 1
        chain_ess = [float(len(x)) if constant else ess(x) for x in per_chain]
        total = sum(chain_ess)
        rhat = 1.0 if constant else split_rhat(per_chain)
        mine = metric.get("ess")
        print(f"{name:32} {mine:>14} {total:>12.1f} {' + '.join(f'{e:.1f}' for e in chain_ess):>22} "
              f"{str(metric.get('rhat')):>16} {rhat:>15.4f}")
        if mine is None or abs(mine - total) > max(0.5, 0.01 * total):
            failed = True
    print(f"samples {summary['samples']}, steps {summary['steps']}, {summary['seconds']} s, stopped by "
          f"{summary.get('stopped_by')}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
