#pragma once
// One locality of a plan as a partitioning problem of its own: the viewer's "Split
// active" cuts it in two. The locality's zones become a dataset of their own (subset())
// whose graph is the plan's graph restricted to them, with border prices, settlements,
// balance values and locks carried over.
#include <lp/data/dataset.hpp>
#include <lp/edit/plan_state.hpp>
#include <lp/partition/partition.hpp>
#include <lp/partition/zone_groups.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace lp {

struct LocalitySplit {
    std::vector<std::uint32_t> members;   // the locality's zones: part zone i is members[i]
    std::shared_ptr<const Dataset> part;  // subset() of the members; request.graph is &part->graph
    PartitionRequest request;             // k = 2; locked zones stay in part 0 (the original)
};

// `cut_cost` per edge of state.graph() (empty: metres of boundary); `settlements` per
// zone of the plan (null: none). `data` is the dataset the plan is over. Throws
// lp::Error(bad_setting) when the locality has fewer than two zones.
LocalitySplit locality_split(const Dataset& data, const PlanState& state, std::size_t locality,
                             const std::vector<double>& cut_cost, const ZoneGroups* settlements);

// The graph restricted to `zones` (renumbered 0..n-1 in that order), with their areas
// and perimeters; edges leaving the set are dropped.
ContiguityGraph induced_subgraph(const ContiguityGraph& graph, const std::vector<std::uint32_t>& zones);

} // namespace lp
