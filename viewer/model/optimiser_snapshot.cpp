#include "model/optimiser_snapshot.hpp"

#include <lp/core/error.hpp>
#include <lp/edit/locality_split.hpp>

#include <utility>

namespace lp::viewer {

OptimiserSnapshot optimise_snapshot(std::shared_ptr<const Dataset> data, const PlanState& state, const RunRules& rules,
                                    const std::vector<std::string>& tables) {
    if (!data || &state.graph() != &data->graph)
        throw Error(ErrorKind::unexpected, "optimise: the plan is not over the open data's graph");
    const LocalityRunOptions options = touch_up_options(rules, state, data->zones.ids, tables);
    OptimiserSnapshot snapshot;
    LocalityRun found;
    std::vector<std::string> notes;
    snapshot.request = locality_request(*data, options, found, notes);
    snapshot.data = std::move(data);
    return snapshot;
}

OptimiserSnapshot split_snapshot(std::shared_ptr<const Dataset> data, const PlanState& state, std::size_t locality,
                                 const std::vector<double>& cut_cost, const ZoneGroups* settlements) {
    if (!data || &state.graph() != &data->graph)
        throw Error(ErrorKind::unexpected, "split: the plan is not over the open data's graph");
    LocalitySplit split = locality_split(*data, state, locality, cut_cost, settlements);
    OptimiserSnapshot snapshot;
    snapshot.members = std::move(split.members);
    snapshot.part = std::move(split.part);
    snapshot.request = std::move(split.request);
    snapshot.data = std::move(data);
    return snapshot;
}

PartitionResult run_snapshot(OptimiserSnapshot& snapshot, std::function<bool(double)> progress) {
    snapshot.request.progress = std::move(progress);
    return partition(snapshot.request);
}

} // namespace lp::viewer
