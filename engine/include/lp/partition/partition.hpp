#pragma once
// The locality partitioner: divides the zones of one partnership into k connected
// localities, each balance layer (population, people aged 75+, ...) within its
// tolerance whenever that is possible, and among such plans the one with the least
// shared boundary between localities (cut length).
//
// Pure: a contiguity graph and vectors of numbers in, an assignment out. No geometry
// library is touched, so the viewer can run it live and tests can feed it synthetic
// graphs. Same request and seed give the same plan (no clocks, no unordered
// containers, a private random generator).
//
// Method (docs/partitioner.md): multilevel. Heavy-edge matching coarsens the graph
// (zones of one keep-whole group first, locked zones only with compatible ones);
// region growing from spread-out seeds makes several plans on the coarsest graph, each
// carried down level by level with boundary descent (incremental statistics, an exact
// contiguity test that is usually decided locally, cut vertices moved with the pieces
// they strand); the best at zone level gets pair moves where a band is narrower than a
// zone, then iterated local search (perturb a stretch of boundary, rebalance, descend,
// keep if no worse), and a balance-only random walk if a band is still missed.
#include <lp/graph/contiguity_graph.hpp>
#include <lp/partition/statistics.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lp {

struct PartitionRequest {
    const ContiguityGraph* graph = nullptr;
    int k = 2;                                    // number of localities, >= 2
    std::vector<BalanceLayer> balance;            // at least one; the first leads coarsening
    std::vector<int> locks;                       // per zone: -1 free, else locality 0..k-1 (empty: none)
    std::vector<int> groups;                      // per zone: keep-whole group >= 0, -1 none (empty: none)
    double group_split_cost = -1;                 // metres of cut one extra piece of a group costs;
                                                  // negative: the median land boundary between zones
    std::vector<int> start;                       // optional seed plan: locality per zone (improved, not discarded)
    std::uint64_t seed = 1;
    const std::vector<std::string>* zone_ids = nullptr; // names zones in messages (else "zone #i")
    std::function<bool(double)> progress;         // fraction done; return false to cancel (best plan so far kept)
    double effort = 1.0;                          // scales the local-search budget (1 = default)
};

struct PartitionResult {
    std::vector<int> assignment;                  // locality 0..k-1 per zone
    PlanStatistics stats;                         // evaluate() of the assignment
    bool within_tolerance = false;                // every layer of every locality within its band
    bool contiguous = false;                      // every locality one connected piece
    bool cancelled = false;
    // Why the plan misses something, naming zones, islands and localities: infeasible
    // inputs found before searching first, then the deviations of the plan returned.
    std::vector<std::string> problems;
};

// Throws lp::Error(infeasible_request) when k exceeds the number of zones and
// lp::Error(bad_value) for malformed requests (sizes, negative or non-finite values,
// locks or start outside 0..k-1), naming the zone. A request that can be attempted
// always returns k non-empty localities.
PartitionResult partition(const PartitionRequest& request);

} // namespace lp
