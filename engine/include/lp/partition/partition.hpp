#pragma once
// The locality partitioner: divides the zones of one partnership into k connected
// localities, each balance layer (population, people aged 75+, ...) within its
// tolerance whenever that is possible, and among such plans the one whose boundaries
// cost least: by default the metres of boundary between localities, or, with edge
// prices from people_cut_cost(), the people who live along it, so that boundaries run
// through empty land rather than through towns. Settlements are kept whole unless a
// band forces a split, building blocks (wards) kept whole softly or strictly.
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
    std::vector<double> edge_cost;                // per graph edge (graph->edges() order): price of cutting it,
                                                  // e.g. people_cut_cost(); empty: its shared length in metres
    std::vector<int> groups;                      // per zone: keep-whole group >= 0, -1 none (empty: none)
    double group_split_cost = -1;                 // price of one extra piece of a group; negative: the
                                                  // median price of the boundary between two zones
    std::vector<ZoneGroups> groupings;            // more kinds of groups (settlements, soft building blocks)
    std::vector<int> hard_blocks;                 // per zone: block >= 0 (empty: none); only whole blocks move
                                                  // (a block in several pieces: whole pieces)
    std::vector<std::string> hard_block_names;    // per block id (optional), for messages
    std::vector<std::string> hard_block_kinds;    // per block id (optional, "" or missing: "building block"),
                                                  // e.g. "settlement" where towns are never split
    std::vector<int> hubs;                        // zones to start localities at, one each (at most k); a hub
                                                  // that must lead its own locality is also locked to it
    std::vector<int> start;                       // optional seed plan: locality per zone (improved, not discarded)
    double stay_cost = 0;                         // with a start plan: price of each zone not in its start
                                                  // locality, so a touch-up moves few zones (negative: twice
                                                  // the median price of a border between two zones)
    std::vector<char> closed;                     // per locality (empty: none): neither gains nor loses a zone
                                                  // (a locked locality: lock its zones too)
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
    // Why the plan does what it does where a planner may wonder, e.g. why a settlement
    // is split ("settlement Inverness (pop2020_total 47,350) is larger than one locality
    // may hold ...").
    std::vector<std::string> notes;
};

// Throws lp::Error(infeasible_request) when k exceeds the number of zones and
// lp::Error(bad_value) for malformed requests (sizes, negative or non-finite values,
// locks or start outside 0..k-1), naming the zone. A request that can be attempted
// always returns k non-empty localities.
PartitionResult partition(const PartitionRequest& request);

// Edge prices that count people, not metres: for each land edge, its length times the
// geometric mean of the population densities of its two zones, times a depth of 100 m,
// plus the length times a floor density (floor_share of the area's mean density), so
// that boundaries in empty land still prefer to be short. Roughly: the people living
// within 50 m either side of the boundary. Crossings cost 0. Needs zone areas in the
// graph; without them the shared length is returned.
std::vector<double> people_cut_cost(const ContiguityGraph& graph, const std::vector<double>& population,
                                    double floor_share = 0.3);

} // namespace lp
