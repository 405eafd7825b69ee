#pragma once
// What a background optimise or split reads, owned by the job that runs it: the
// session's dataset by shared ownership (its graph and zone ids), a split's own
// sub-graph, and the request with copies of everything else. A session that opens
// other data while the partitioner runs then frees nothing the worker thread reads.
// No window here (engine types only), so tests drive it without a GPU.
#include <lp/generate/run_rules.hpp>

#include <lp/data/dataset.hpp>
#include <lp/edit/plan_state.hpp>
#include <lp/partition/partition.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace lp::viewer {

struct OptimiserSnapshot {
    std::shared_ptr<const Dataset> data;        // keeps request.graph (whole plan) and request.zone_ids alive
    std::shared_ptr<const Dataset> part;        // a split's locality as a dataset of its own (lp::locality_split)
    std::vector<std::uint32_t> members;         // a split: the locality's zones, in the part's order
    PartitionRequest request;                   // points only into data or part
};

// "Optimise around locks" on the whole plan by the plan's rules (lp::touch_up_options,
// lp::locality_request). `state` must be a plan over data->graph. Throws lp::Error as
// touch_up_options() does, and for rules the data cannot meet.
OptimiserSnapshot optimise_snapshot(std::shared_ptr<const Dataset> data, const PlanState& state, const RunRules& rules,
                                    const std::vector<std::string>& tables);

// One locality of `state` cut in two (lp::locality_split): border prices (`cut_cost`,
// per data->graph edge; empty: metres) and settlements carried over, locked zones kept
// in the original (part 0).
OptimiserSnapshot split_snapshot(std::shared_ptr<const Dataset> data, const PlanState& state, std::size_t locality,
                                 const std::vector<double>& cut_cost, const ZoneGroups* settlements);

// The partitioner on what the snapshot holds; `progress` as PartitionRequest::progress.
PartitionResult run_snapshot(OptimiserSnapshot& snapshot, std::function<bool(double)> progress);

} // namespace lp::viewer
