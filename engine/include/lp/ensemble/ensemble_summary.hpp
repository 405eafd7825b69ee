#pragma once
// What an ensemble says about a plan: the same measures for the plan and every sampled
// plan, their quantiles and the plan's percentile among them, how often each border
// between two zones is a locality boundary, and how often each zone stays with most of
// its plan locality. Shared by `boundaries ensemble`, the report and the viewer.
#include <lp/graph/contiguity_graph.hpp>
#include <lp/partition/statistics.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lp {

struct EnsembleMetricSpec {
    std::vector<BalanceLayer> balance;             // max deviation per layer
    CommunityContext community;                    // people on a boundary, groups split
    std::vector<int> groups;                       // keep-whole group per zone, or empty
};

// Metric names in the order plan_metrics() returns them: cut_length_m,
// people_on_boundary (with a population), <kind>s_split per grouping (split_groups
// for `groups`), max_deviation_<layer> per layer, mean_polsby_popper (with areas).
std::vector<std::string> ensemble_metric_names(const ContiguityGraph& graph, const EnsembleMetricSpec& spec);

std::vector<double> plan_metrics(const ContiguityGraph& graph, const std::vector<int>& assignment, int k,
                                 const EnsembleMetricSpec& spec);
std::vector<double> plan_metrics(const ContiguityGraph& graph, const std::vector<std::uint8_t>& assignment, int k,
                                 const EnsembleMetricSpec& spec);

// q in [0, 1] of ascending values, interpolated between neighbours (values non-empty).
double quantile(const std::vector<double>& sorted, double q);
// The plan's percentile (0..100): the share of values below x plus half the share equal to it.
double percentile_of(const std::vector<double>& sorted, double x);

// Per graph edge (graph.edges() order): the share of samples in which its two zones are
// in different localities.
std::vector<double> boundary_frequency(const ContiguityGraph& graph, const std::vector<std::vector<std::uint8_t>>& samples);

// Per zone: the share of samples in which it is in the sampled locality that holds most
// of the zones of its plan locality.
std::vector<double> coassignment_share(const std::vector<int>& plan, int k,
                                       const std::vector<std::vector<std::uint8_t>>& samples);

} // namespace lp
