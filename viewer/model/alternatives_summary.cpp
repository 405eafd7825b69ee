#include "model/alternatives_summary.hpp"

#include "model/column_names.hpp"

#include <lp/ensemble/ensemble_summary.hpp>
#include <lp/ensemble/mixing.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace lp::viewer {

namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

} // namespace

std::string metric_label(const std::string& name) {
    if (name == "cut_length_m") return "Length of boundaries (km)";
    if (name == "people_on_boundary") return "People living on a boundary";
    if (name == "mean_polsby_popper") return "Compactness (mean Polsby-Popper)";
    if (name == "split_groups") return "Groups split";
    if (starts_with(name, "max_deviation_")) return "Largest gap from the average, " + plain_column_name(name.substr(14)) + " (%)";
    if (name.size() > 6 && name.compare(name.size() - 6, 6, "_split") == 0) {
        std::string kind = name.substr(0, name.size() - 6);
        std::replace(kind.begin(), kind.end(), '_', ' ');
        if (!kind.empty()) kind[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0])));
        return kind + " split";
    }
    return name;
}

bool metric_higher_is_better(const std::string& name) { return name == "mean_polsby_popper"; }

std::string metric_meaning(const std::string& name) {
    std::string what;
    if (name == "cut_length_m") what = "The total length of the boundaries between localities.";
    else if (name == "people_on_boundary") what = "People living in zones that touch another locality by land.";
    else if (name == "mean_polsby_popper")
        what = "How round the localities are: 4 pi area / perimeter squared, 1 for a disc, near 0 for a straggly shape; "
               "the mean over the localities.";
    else if (name == "split_groups") what = "Groups of zones (such as towns kept whole) shared between localities.";
    else if (starts_with(name, "max_deviation_"))
        what = "The locality furthest from the average " + plain_column_name(name.substr(14)) +
               ", as a percentage of the average.";
    else if (name.size() > 6 && name.compare(name.size() - 6, 6, "_split") == 0)
        what = "How many of them are divided between localities.";
    else what = name + ".";
    return what + (metric_higher_is_better(name) ? " Higher is better." : " Lower is better.");
}

double share_beaten(const MetricSummary& metric) {
    // percentile: the share of samples below the plan.
    return metric.higher_is_better ? metric.percentile : 100.0 - metric.percentile;
}

int metric_verdict_sign(const MetricSummary& metric) {
    const double beaten = share_beaten(metric);
    return beaten >= 60 ? 1 : beaten <= 40 ? -1 : 0;
}

std::string metric_verdict(const MetricSummary& metric) {
    const double beaten = share_beaten(metric);
    char text[96];
    if (metric_verdict_sign(metric) > 0) std::snprintf(text, sizeof text, "Better than %.0f%% of the samples", beaten);
    else if (metric_verdict_sign(metric) < 0) std::snprintf(text, sizeof text, "Worse than %.0f%% of the samples", 100 - beaten);
    else std::snprintf(text, sizeof text, "Typical: better than %.0f%% of the samples", beaten);
    return text;
}

double metric_scale(const std::string& name) {
    if (name == "cut_length_m") return 1e-3;
    if (starts_with(name, "max_deviation_")) return 100.0;
    return 1.0;
}

EnsembleTally::EnsembleTally(std::vector<std::string> names, std::vector<double> plan, std::size_t edge_count)
    : names_(std::move(names)), plan_(std::move(plan)), values_(names_.size()), cut_counts_(edge_count, 0) {}

void EnsembleTally::add(const std::vector<double>& metrics, const std::vector<std::uint8_t>& assignment,
                        const ContiguityGraph& graph, unsigned chain) {
    for (std::size_t m = 0; m < values_.size() && m < metrics.size(); ++m) values_[m].push_back(metrics[m]);
    constexpr std::size_t kTraceCap = 4096;
    if (traces_.size() <= chain) traces_.resize(chain + 1, Trace{std::vector<std::vector<double>>(names_.size()), 1, 0});
    Trace& trace = traces_[chain];
    if (trace.seen++ % trace.stride == 0) {
        for (std::size_t m = 0; m < trace.values.size() && m < metrics.size(); ++m) trace.values[m].push_back(metrics[m]);
        if (!trace.values.empty() && trace.values.front().size() > kTraceCap) {
            for (auto& v : trace.values) {
                for (std::size_t i = 0; 2 * i < v.size(); ++i) v[i] = v[2 * i];
                v.resize((v.size() + 1) / 2);
            }
            trace.stride *= 2;
        }
    }
    const auto& edges = graph.edges();
    for (std::size_t e = 0; e < edges.size() && e < cut_counts_.size(); ++e)
        cut_counts_[e] += assignment[edges[e].a] != assignment[edges[e].b];
    ++samples_;
}

std::vector<std::vector<std::vector<double>>> EnsembleTally::chains_of_measures() const {
    std::vector<std::vector<std::vector<double>>> out(names_.size());
    for (std::size_t m = 0; m < names_.size(); ++m)
        for (const Trace& trace : traces_)
            if (m < trace.values.size() && !trace.values[m].empty()) out[m].push_back(trace.values[m]);
    return out;
}

bool EnsembleTally::reliable(double min_ess) const {
    if (samples_ == 0) return false;
    for (const auto& chains : chains_of_measures())
        if (!lp::reliable(mixing_diagnostics(chains), min_ess)) return false;
    return true;
}

std::vector<MetricSummary> EnsembleTally::summaries() const {
    std::vector<MetricSummary> out;
    if (samples_ == 0) return out;
    const auto chains = chains_of_measures();
    for (std::size_t m = 0; m < names_.size(); ++m) {
        std::vector<double> sorted = values_[m];
        std::sort(sorted.begin(), sorted.end());
        const double scale = metric_scale(names_[m]);
        MetricSummary s;
        s.name = names_[m];
        s.label = metric_label(names_[m]);
        s.higher_is_better = metric_higher_is_better(names_[m]);
        s.plan = plan_[m] * scale;
        s.percentile = percentile_of(sorted, plan_[m]);
        s.low = quantile(sorted, 0.05) * scale;
        s.median = quantile(sorted, 0.5) * scale;
        s.high = quantile(sorted, 0.95) * scale;
        const MixingDiagnostics d = mixing_diagnostics(chains[m]);
        const PercentileInterval interval = percentile_interval(s.percentile, d.ess);
        s.ess = d.ess;
        s.chain_ess = d.chain_ess;
        s.rhat = d.rhat;
        s.percentile_low = interval.low;
        s.percentile_high = interval.high;
        s.reliable = lp::reliable(d);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<double> EnsembleTally::frequencies() const {
    std::vector<double> out(cut_counts_.size(), 0.0);
    if (samples_ == 0) return out;
    for (std::size_t e = 0; e < out.size(); ++e) out[e] = static_cast<double>(cut_counts_[e]) / static_cast<double>(samples_);
    return out;
}

void EnsembleTally::add_coassignment(const std::vector<double>& shares, std::size_t samples) {
    if (stay_weight_.size() < shares.size()) stay_weight_.resize(shares.size(), 0.0);
    for (std::size_t z = 0; z < shares.size(); ++z) stay_weight_[z] += shares[z] * static_cast<double>(samples);
    stay_samples_ += samples;
}

std::vector<double> EnsembleTally::locality_stability(const std::vector<int>& plan, int k) const {
    std::vector<double> sum(static_cast<std::size_t>(std::max(k, 0)), 0.0), zones(sum.size(), 0.0);
    if (stay_samples_ == 0) return sum;
    for (std::size_t z = 0; z < plan.size() && z < stay_weight_.size(); ++z) {
        if (plan[z] < 0 || plan[z] >= k) continue;
        sum[static_cast<std::size_t>(plan[z])] += stay_weight_[z] / static_cast<double>(stay_samples_);
        zones[static_cast<std::size_t>(plan[z])] += 1;
    }
    for (std::size_t l = 0; l < sum.size(); ++l) sum[l] = zones[l] > 0 ? sum[l] / zones[l] : 0.0;
    return sum;
}

Rgba frequency_colour(double share) {
    // Stops of a yellow-orange-purple ramp (ColorBrewer YlOrRd's light end, then a purple
    // that stays apart from the locality palette's reds and blues).
    static constexpr std::array<std::array<float, 3>, 4> stops{{{255, 237, 160}, {254, 178, 76}, {227, 74, 51}, {84, 39, 143}}};
    const double t = std::clamp(share, 0.0, 1.0) * (stops.size() - 1);
    const auto i = std::min<std::size_t>(static_cast<std::size_t>(t), stops.size() - 2);
    const double f = t - static_cast<double>(i);
    auto mix = [&](int c) { return static_cast<unsigned>(std::lround(stops[i][c] + (stops[i + 1][c] - stops[i][c]) * f)); };
    return rgba(mix(0), mix(1), mix(2), 235);
}

float frequency_width(double share) { return 1.0f + 5.0f * static_cast<float>(std::clamp(share, 0.0, 1.0)); }

std::string format_figure(double value) {
    char text[48];
    if (std::fabs(value) >= 1000) std::snprintf(text, sizeof text, "%.0f", value);
    else std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

std::string steps_per_second_text(std::uint64_t steps, double seconds) {
    if (!(seconds > 0)) return "-";
    char text[48];
    std::snprintf(text, sizeof text, "%.0f steps/s", static_cast<double>(steps) / seconds);
    return text;
}

} // namespace lp::viewer
