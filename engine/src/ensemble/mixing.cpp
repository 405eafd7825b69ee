#include <lp/ensemble/mixing.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

namespace lp {

namespace {

// The standard normal quantile (Acklam's rational approximation, relative error below
// 1.2e-9; enough for normal scores of ranks).
double normal_quantile(double p) {
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01, -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    constexpr double low = 0.02425;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) return -normal_quantile(1 - p);
    const double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

double mean_of(const std::vector<double>& x) {
    return x.empty() ? 0.0 : std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
}

// Gelman-Rubin's potential scale reduction of chains of equal length (at least 2 draws).
double potential_scale_reduction(const std::vector<std::vector<double>>& chains) {
    const auto n = static_cast<double>(chains.front().size());
    const auto m = static_cast<double>(chains.size());
    std::vector<double> means;
    double within = 0;
    for (const auto& chain : chains) {
        const double mu = mean_of(chain);
        means.push_back(mu);
        double ss = 0;
        for (const double x : chain) ss += (x - mu) * (x - mu);
        within += ss / (n - 1);
    }
    within /= m;
    const double grand = mean_of(means);
    double between_over_n = 0; // B / n: the variance of the chain means
    for (const double mu : means) between_over_n += (mu - grand) * (mu - grand);
    between_over_n = m > 1 ? between_over_n / (m - 1) : 0.0;
    const double scale = 1e-12 * std::max(1.0, std::abs(grand));
    if (within <= scale * scale) return between_over_n <= scale * scale ? 1.0 : std::numeric_limits<double>::infinity();
    return std::sqrt(((n - 1) / n * within + between_over_n) / within);
}

// Every draw replaced by the normal score of its rank among all draws (ties averaged).
std::vector<std::vector<double>> rank_normalised(const std::vector<std::vector<double>>& chains) {
    std::vector<std::pair<double, std::pair<std::size_t, std::size_t>>> all;
    for (std::size_t c = 0; c < chains.size(); ++c)
        for (std::size_t i = 0; i < chains[c].size(); ++i) all.push_back({chains[c][i], {c, i}});
    std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::vector<double>> out(chains.size());
    for (std::size_t c = 0; c < chains.size(); ++c) out[c].resize(chains[c].size());
    const auto s = static_cast<double>(all.size());
    for (std::size_t i = 0; i < all.size();) {
        std::size_t j = i;
        while (j < all.size() && all[j].first == all[i].first) ++j;
        const double rank = 0.5 * static_cast<double>(i + 1 + j); // average of ranks i+1..j
        const double z = normal_quantile((rank - 0.375) / (s + 0.25));
        for (std::size_t t = i; t < j; ++t) out[all[t].second.first][all[t].second.second] = z;
        i = j;
    }
    return out;
}

} // namespace

double effective_sample_size(const std::vector<double>& chain) {
    const std::size_t n = chain.size();
    if (n < 4) return static_cast<double>(n);
    const double mu = mean_of(chain);
    auto autocovariance = [&](std::size_t lag) {
        double sum = 0;
        for (std::size_t i = 0; i + lag < n; ++i) sum += (chain[i] - mu) * (chain[i + lag] - mu);
        return sum / static_cast<double>(n);
    };
    const double variance = autocovariance(0);
    if (!(variance > 1e-24 * std::max(1.0, mu * mu))) return 1.0;
    // Pairs rho(2m) + rho(2m+1), summed while positive.
    double sum = 0;
    for (std::size_t lag = 0; lag + 1 < n; lag += 2) {
        const double pair = (autocovariance(lag) + autocovariance(lag + 1)) / variance;
        if (!(pair > 0)) break;
        sum += pair;
    }
    const double tau = std::max(-1.0 + 2.0 * sum, 1e-9);
    const auto length = static_cast<double>(n);
    return std::min(length / tau, length * std::log10(length));
}

double split_rhat(const std::vector<std::vector<double>>& chains) {
    // Halves of equal length: the shortest chain's half.
    std::size_t half = std::numeric_limits<std::size_t>::max();
    for (const auto& chain : chains)
        if (chain.size() >= 4) half = std::min(half, chain.size() / 2);
    if (half == std::numeric_limits<std::size_t>::max()) return std::nan("");
    std::vector<std::vector<double>> halves;
    for (const auto& chain : chains) {
        if (chain.size() < 4) continue;
        halves.emplace_back(chain.begin(), chain.begin() + static_cast<long>(half));
        halves.emplace_back(chain.end() - static_cast<long>(half), chain.end());
    }
    const double bulk = potential_scale_reduction(rank_normalised(halves));
    // Folded: distance from the median of all draws.
    std::vector<double> all;
    for (const auto& h : halves) all.insert(all.end(), h.begin(), h.end());
    std::nth_element(all.begin(), all.begin() + static_cast<long>(all.size() / 2), all.end());
    const double median = all[all.size() / 2];
    for (auto& h : halves)
        for (double& x : h) x = std::abs(x - median);
    const double folded = potential_scale_reduction(rank_normalised(halves));
    return std::max(bulk, folded);
}

MixingDiagnostics mixing_diagnostics(const std::vector<std::vector<double>>& chains) {
    MixingDiagnostics d;
    bool first = true, constant = true;
    double value = 0;
    std::size_t draws = 0;
    for (const auto& chain : chains)
        for (const double x : chain) {
            ++draws;
            if (first) value = x;
            constant = constant && (first || x == value);
            first = false;
        }
    d.constant = constant && draws > 0;
    for (const auto& chain : chains) {
        d.chain_ess.push_back(d.constant ? static_cast<double>(chain.size()) : effective_sample_size(chain));
        d.ess += d.chain_ess.back();
    }
    d.rhat = d.constant ? 1.0 : split_rhat(chains);
    return d;
}

bool reliable(const MixingDiagnostics& diagnostics, double min_ess) {
    return diagnostics.ess >= min_ess && diagnostics.rhat <= kMaxReliableRhat;
}

PercentileInterval percentile_interval(double percentile, double ess, double z) {
    if (!(ess > 0) || std::isnan(percentile)) return {};
    const double p = std::clamp(percentile / 100.0, 0.0, 1.0);
    const double z2n = z * z / ess;
    const double centre = (p + z2n / 2) / (1 + z2n);
    const double half = z / (1 + z2n) * std::sqrt(p * (1 - p) / ess + z2n / (4 * ess));
    return {100.0 * std::max(0.0, centre - half), 100.0 * std::min(1.0, centre + half)};
}

std::string mixing_text(const MixingDiagnostics& d) {
    char text[160];
    std::string chains;
    for (std::size_t c = 0; c < d.chain_ess.size(); ++c) {
        char part[32];
        std::snprintf(part, sizeof part, "%s%.0f", c ? " + " : "", d.chain_ess[c]);
        chains += part;
    }
    if (d.constant) {
        std::snprintf(text, sizeof text, "the same in every sample");
    } else {
        std::snprintf(text, sizeof text, "ESS %.0f%s%s%s, R-hat %.3f", d.ess, d.chain_ess.size() > 1 ? " (" : "",
                      d.chain_ess.size() > 1 ? chains.c_str() : "", d.chain_ess.size() > 1 ? ")" : "", d.rhat);
    }
    return text;
}

} // namespace lp
