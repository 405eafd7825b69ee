#pragma once
// What "Optimise around locks" asks the partitioner, and what the viewer says about
// locks and about the result. No window here (engine types only), so the rules are
// tested without a GPU (tests/viewer/optimise_request_test.cpp):
//   - a locked locality is closed: it neither gains nor loses a zone;
//   - a locked zone never moves;
//   - the current plan is the start, and each zone out of its start locality costs
//     the partitioner's default stay cost, so a touch-up moves few zones;
//   - boundaries are priced like the CLI's (people along them when a population is
//     balanced) and settlements are kept whole when the viewer was given them.
#include <lp/edit/plan_state.hpp>
#include <lp/partition/partition.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lp::viewer {

struct OptimiseInputs {
    std::vector<double> edge_cost;        // per graph edge (empty: metres of boundary)
    std::vector<ZoneGroups> groupings;    // settlements kept whole (empty: none)
    double stay_cost = -1;                // PartitionRequest::stay_cost (negative: the default)
}; // struct OptimiseInputs

// The request for the whole plan. Throws lp::Error(usage) naming the locality when a
// locked locality has no zones (it could never get any), or when every locality is locked.
PartitionRequest optimise_request(const PlanState& state, const OptimiseInputs& inputs);

// Zones whose locality differs between two assignments of the same zones.
std::size_t zones_moved(const std::vector<int>& before, const std::vector<int>& after);

// What a result does against the locks of `state` (its current plan is the start):
// one sentence per locked locality that gained or lost zones and per locked zone that
// moved; empty when every lock held.
std::vector<std::string> broken_locks(const PlanState& state, const std::vector<int>& result);

// "2 localities and 14 zones locked", "1 locality locked", "nothing locked" (zones:
// those locked one by one).
std::string locks_summary(const PlanState& state);

// The status line after an optimise: "optimise moved 7 of 312 zones; Ctrl+Z undoes".
std::string moved_summary(std::size_t moved, std::size_t zones);

} // namespace lp::viewer
