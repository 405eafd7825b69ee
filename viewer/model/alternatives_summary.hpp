#pragma once
// What the "Alternatives" panel shows while a ReCom chain runs from the plan: each
// measure's value for the plan, its percentile among the plans sampled so far and their
// 5%..95% range, and how often each border between two zones was a locality boundary.
// No window here (tests/viewer/model/alternatives_test.cpp).
#include "model/colours.hpp"

#include <lp/graph/contiguity_graph.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lp::viewer {

struct MetricSummary {
    std::string name;        // lp::ensemble_metric_names(), e.g. "cut_length_m"
    std::string label;       // for people, e.g. "Length of boundaries (km)"
    bool higher_is_better = false;
    double plan = 0;         // in the label's unit
    double percentile = 0;   // 0..100 of the plan among the samples
    double low = 0, median = 0, high = 0; // 5%, 50%, 95% of the samples
    // How much the samples are worth (lp/ensemble/mixing.hpp): effective samples (total, per
    // chain), R-hat, the percentile's 90% interval, and whether it may be quoted.
    double ess = 0, rhat = 1, percentile_low = 0, percentile_high = 100;
    std::vector<double> chain_ess;
    bool reliable = false;
};

// Plain words, never the engine's names: "cut_length_m" -> "Length of boundaries (km)",
// "people_on_boundary" -> "People living on a boundary", "max_deviation_pop2020_total" ->
// "Largest gap from the average, Population 2020 (%)" (the column's plain name),
// "mean_polsby_popper" -> "Compactness (mean Polsby-Popper)", "settlements_split" ->
// "Settlements split", "split_groups" -> "Groups split".
std::string metric_label(const std::string& name);
// A sentence saying what the measure counts and which way is better (the tooltip).
std::string metric_meaning(const std::string& name);
// Compactness is better higher; every other measure (lengths, people, splits, gaps) lower.
bool metric_higher_is_better(const std::string& name);
// The plan against the samples in words, for a reader who cannot tell the colours apart:
// "Better than 82% of the samples", "Worse than 70% of the samples", or "Typical: better
// than 55% of the samples" between 40% and 60%. verdict_sign: +1 better, -1 worse, 0 typical.
std::string metric_verdict(const MetricSummary& metric);
int metric_verdict_sign(const MetricSummary& metric);
// The share (0..100) of samples the plan beats on this measure.
double share_beaten(const MetricSummary& metric);
// What "zones kept together" means, for the window and its tooltip.
inline constexpr const char* zones_kept_together_meaning =
    "Zones kept together: for each zone of the locality, the share of sampled plans in which it is still with most of "
    "the locality's zones, averaged over its zones. Near 100%: the samples keep the locality much as it is, it is a "
    "settled shape. Low: other equally balanced plans often give its zones to neighbours, so its boundary is a choice "
    "worth explaining.";
// The factor from the engine's unit to the label's (metres to km, fractions to %).
double metric_scale(const std::string& name);

// Counts what the samples say as they arrive (the chain runs in batches).
class EnsembleTally {
public:
    EnsembleTally() = default;
    // names: ensemble_metric_names(); plan: plan_metrics() of the start plan.
    EnsembleTally(std::vector<std::string> names, std::vector<double> plan, std::size_t edge_count);

    // One sampled plan: its measures and its locality per zone.
    // chain: which chain drew it (the diagnostics read each chain's samples in order).
    void add(const std::vector<double>& metrics, const std::vector<std::uint8_t>& assignment, const ContiguityGraph& graph,
             unsigned chain = 0);
    // Every measure has min_ess effective samples and R-hat <= 1.05 (false before any sample).
    bool reliable(double min_ess) const;

    std::size_t samples() const { return samples_; }
    // Per measure, in the label's unit (empty before the first sample).
    std::vector<MetricSummary> summaries() const;
    // Per graph edge: the share of samples with its two zones in different localities.
    std::vector<double> frequencies() const;
    // lp::coassignment_share() of a batch of `samples` plans (per zone), counted in.
    void add_coassignment(const std::vector<double>& shares, std::size_t samples);
    // Per locality of `plan` (0..k-1): the mean over its zones of the share of samples in
    // which the zone stays with most of the locality - how settled the locality is
    // (0 for a locality without zones or before any batch).
    std::vector<double> locality_stability(const std::vector<int>& plan, int k) const;

private:
    std::vector<std::string> names_;
    std::vector<double> plan_;
    std::vector<std::vector<double>> values_;   // per measure, per sample
    // Per chain, per measure: every stride-th sample, halved (stride doubled) past a cap so
    // the diagnostics stay cheap on long runs and evenly spaced.
    struct Trace {
        std::vector<std::vector<double>> values;
        std::size_t stride = 1, seen = 0;
    };
    std::vector<Trace> traces_;
    std::vector<std::vector<std::vector<double>>> chains_of_measures() const;
    std::vector<std::uint32_t> cut_counts_;     // per edge
    std::vector<double> stay_weight_;           // per zone: sum of share x batch samples
    std::size_t stay_samples_ = 0;
    std::size_t samples_ = 0;
};

// The overlay's look for a border cut in `share` of the samples: a sequential ramp from a
// pale yellow (rarely a boundary) through orange to a deep purple (nearly always), wider
// as it grows; borders under min_share are not drawn. Each line is drawn over a dark
// casing (frequency_casing) a little wider, so it reads on every fill: the casing against
// pale fills, the bright core against dark ones.
Rgba frequency_colour(double share);
float frequency_width(double share);
inline constexpr double frequency_min_share = 0.02;
inline constexpr Rgba frequency_casing = rgba(20, 20, 20, 220);
inline constexpr float frequency_casing_extra = 2.5f;  // pixels wider than the line

// A figure for the window's table: whole numbers from 1000 up ("31030"), else three
// significant digits ("10.2", "0.385").
std::string format_figure(double value);

// "1234 steps/s" style rate; "-" before any time has passed.
std::string steps_per_second_text(std::uint64_t steps, double seconds);

} // namespace lp::viewer
