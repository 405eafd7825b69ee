#include <lp/ensemble/ensemble_summary.hpp>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

std::string plural(const std::string& kind) {
    std::string text = kind;
    for (auto& c : text)
        if (c == ' ') c = '_';
    return text + "s_split";
}

} // namespace

std::vector<std::string> ensemble_metric_names(const ContiguityGraph& graph, const EnsembleMetricSpec& spec) {
    std::vector<std::string> names{"cut_length_m"};
    if (spec.community.population) names.push_back("people_on_boundary");
    if (!spec.groups.empty()) names.push_back("split_groups");
    for (const auto* grouping : spec.community.groupings) names.push_back(plural(grouping->kind));
    for (const auto& layer : spec.balance) names.push_back("max_deviation_" + layer.name);
    if (graph.zone_area().size() == graph.size() && graph.zone_perimeter().size() == graph.size())
        names.push_back("mean_polsby_popper");
    return names;
}

std::vector<double> plan_metrics(const ContiguityGraph& graph, const std::vector<int>& assignment, int k,
                                 const EnsembleMetricSpec& spec) {
    const PlanStatistics stats = evaluate(graph, assignment, k, spec.balance, spec.groups, spec.community);
    std::vector<double> values{stats.cut_length};
    if (spec.community.population) values.push_back(stats.people_on_boundary);
    if (!spec.groups.empty()) values.push_back(stats.split_groups);
    for (const auto& splits : stats.splits) values.push_back(static_cast<double>(splits.split.size()));
    for (const double deviation : stats.max_deviation) values.push_back(deviation);
    if (graph.zone_area().size() == graph.size() && graph.zone_perimeter().size() == graph.size()) {
        double sum = 0;
        for (const auto& locality : stats.localities) sum += locality.polsby_popper;
        values.push_back(stats.localities.empty() ? 0.0 : sum / static_cast<double>(stats.localities.size()));
    }
    return values;
}

std::vector<double> plan_metrics(const ContiguityGraph& graph, const std::vector<std::uint8_t>& assignment, int k,
                                 const EnsembleMetricSpec& spec) {
    return plan_metrics(graph, std::vector<int>(assignment.begin(), assignment.end()), k, spec);
}

double quantile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return std::nan("");
    const double position = std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

double percentile_of(const std::vector<double>& sorted, double x) {
    if (sorted.empty()) return std::nan("");
    // Equal within rounding: the plan's own measure and a sample's may differ in the last bits.
    const double slack = 1e-9 * std::max(1.0, std::abs(x));
    const auto low = std::lower_bound(sorted.begin(), sorted.end(), x - slack);
    const auto high = std::upper_bound(sorted.begin(), sorted.end(), x + slack);
    const double below = static_cast<double>(low - sorted.begin());
    const double equal = static_cast<double>(high - low);
    return 100.0 * (below + 0.5 * equal) / static_cast<double>(sorted.size());
}

std::vector<double> boundary_frequency(const ContiguityGraph& graph, const std::vector<std::vector<std::uint8_t>>& samples) {
    std::vector<double> share(graph.edges().size(), 0.0);
    if (samples.empty()) return share;
    for (const auto& sample : samples)
        for (std::size_t e = 0; e < graph.edges().size(); ++e) {
            const auto& edge = graph.edges()[e];
            if (sample[edge.a] != sample[edge.b]) share[e] += 1.0;
        }
    for (auto& s : share) s /= static_cast<double>(samples.size());
    return share;
}

std::vector<double> coassignment_share(const std::vector<int>& plan, int k,
                                       const std::vector<std::vector<std::uint8_t>>& samples) {
    std::vector<double> share(plan.size(), 0.0);
    if (samples.empty() || k <= 0) return share;
    const auto kk = static_cast<std::size_t>(k);
    std::vector<std::size_t> count(kk * 256);
    std::vector<int> majority(kk);
    for (const auto& sample : samples) {
        std::fill(count.begin(), count.end(), 0);
        for (std::size_t z = 0; z < plan.size(); ++z)
            if (plan[z] >= 0 && plan[z] < k) ++count[static_cast<std::size_t>(plan[z]) * 256 + sample[z]];
        for (std::size_t j = 0; j < kk; ++j)
            majority[j] = static_cast<int>(std::max_element(count.begin() + static_cast<long>(j * 256),
                                                            count.begin() + static_cast<long>(j * 256 + 256)) -
                                           (count.begin() + static_cast<long>(j * 256)));
        for (std::size_t z = 0; z < plan.size(); ++z)
            if (plan[z] >= 0 && plan[z] < k && sample[z] == majority[static_cast<std::size_t>(plan[z])]) share[z] += 1.0;
    }
    for (auto& s : share) s /= static_cast<double>(samples.size());
    return share;
}

} // namespace lp
