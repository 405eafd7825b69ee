#pragma once
// How much an ensemble's samples are worth: the effective sample size of each measure
// (per chain and in total) and the split R-hat across chains, and how uncertain a
// percentile read from them is. A chain's neighbouring samples are alike, so 1,000
// recorded plans may say as much as 24 independent ones; these figures say which.
//
// - Effective sample size of one chain: n / tau, tau = -1 + 2 * sum of Geyer's initial
//   positive sequence (pairs rho(2m) + rho(2m+1) of the autocorrelation, summed while
//   positive; Geyer 1992), capped at n * log10(n) as Stan caps it. The total is the sum
//   over chains (R-hat, not the total, says whether the chains agree).
// - R-hat: rank-normalised split R-hat (Vehtari, Gelman, Simpson, Carpenter, Buerkner
//   2021): each chain split in halves, all draws replaced by the normal scores of their
//   ranks (ties: average ranks), Gelman-Rubin's potential scale reduction of those; the
//   larger of that and the same for the draws folded about their median (which sees
//   chains that differ in spread, not in location).
// - A percentile's 90% interval: Wilson's score interval for a share with the measure's
//   effective sample size as the number of draws.
#include <string>
#include <vector>

namespace lp {

inline constexpr double kMinReliableEss = 100;     // below: too few independent samples
inline constexpr double kMaxReliableRhat = 1.05;   // above: the chains disagree
inline constexpr const char* kUnreliableWarning = "too few independent samples to rank this plan; run longer";

// Geyer's initial positive sequence estimate for one chain; n for a chain of fewer than 4
// draws and 1 for a chain whose draws are all equal (a chain that never moved says one thing).
double effective_sample_size(const std::vector<double>& chain);

// Rank-normalised split R-hat (the larger of bulk and folded) over the chains; 1 when every
// draw is equal, infinity when each half is constant but the halves differ, NaN when no
// chain has 4 draws.
double split_rhat(const std::vector<std::vector<double>>& chains);

struct MixingDiagnostics {
    std::vector<double> chain_ess;   // per chain
    double ess = 0;                  // sum over chains
    double rhat = 1;
    bool constant = false;           // every draw of every chain is equal: nothing to mix
};

// Diagnostics of one measure; a constant measure has ess = the number of draws and R-hat 1.
MixingDiagnostics mixing_diagnostics(const std::vector<std::vector<double>>& chains);

// Enough effective samples (>= min_ess) and chains that agree (R-hat <= kMaxReliableRhat).
bool reliable(const MixingDiagnostics& diagnostics, double min_ess = kMinReliableEss);

struct PercentileInterval {
    double low = 0, high = 100;      // in percent
};
// Wilson's interval for a percentile (0..100) read from `ess` effective draws; z = 1.645
// gives 90%. No draws: 0..100.
PercentileInterval percentile_interval(double percentile, double ess, double z = 1.645);

// "ESS 24 (12 + 12), R-hat 1.31" for messages.
std::string mixing_text(const MixingDiagnostics& diagnostics);

} // namespace lp
