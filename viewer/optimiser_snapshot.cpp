#include "optimiser_snapshot.hpp"

#include <lp/core/error.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

namespace lp::viewer {

OptimiserSnapshot optimise_snapshot(std::shared_ptr<const Dataset> data, const PlanState& state,
                                    const OptimiseInputs& inputs) {
    if (!data || &state.graph() != &data->graph)
        throw Error(ExitCode::unexpected, "optimise: the plan is not over the open data's graph");
    OptimiserSnapshot snapshot;
    snapshot.request = optimise_request(state, inputs);
    snapshot.request.graph = &data->graph;
    snapshot.request.zone_ids = &data->zones.ids;
    snapshot.data = std::move(data);
    return snapshot;
}

OptimiserSnapshot split_snapshot(std::shared_ptr<const Dataset> data, const PlanState& state, std::size_t locality,
                                 const std::vector<double>& cut_cost, const ZoneGroups* settlements) {
    if (!data || &state.graph() != &data->graph)
        throw Error(ExitCode::unexpected, "split: the plan is not over the open data's graph");
    OptimiserSnapshot snapshot;
    snapshot.members = state.members(locality);
    const std::vector<std::uint32_t>& members = snapshot.members;
    std::unordered_map<std::uint32_t, std::uint32_t> local;
    for (std::uint32_t i = 0; i < members.size(); ++i) local[members[i]] = i;
    const ContiguityGraph& graph = data->graph;
    std::vector<GraphEdge> edges;
    for (const GraphEdge& e : graph.edges()) {
        const auto a = local.find(e.a), b = local.find(e.b);
        if (a == local.end() || b == local.end()) continue;
        GraphEdge sub = e;
        sub.a = std::min(a->second, b->second);
        sub.b = std::max(a->second, b->second);
        edges.push_back(sub);
    }
    std::vector<double> area, perimeter;
    for (std::uint32_t z : members) {
        if (z < graph.zone_area().size()) area.push_back(graph.zone_area()[z]);
        if (z < graph.zone_perimeter().size()) perimeter.push_back(graph.zone_perimeter()[z]);
    }
    // Border prices by the zones' pair (the sub-graph orders its edges its own way).
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> price;
    if (cut_cost.size() == graph.edges().size()) {
        for (std::size_t i = 0; i < graph.edges().size(); ++i) {
            const GraphEdge& e = graph.edges()[i];
            const auto a = local.find(e.a), b = local.find(e.b);
            if (a == local.end() || b == local.end()) continue;
            price[{std::min(a->second, b->second), std::max(a->second, b->second)}] += cut_cost[i];
        }
    }
    snapshot.subgraph =
        std::make_unique<ContiguityGraph>(members.size(), std::move(edges), std::move(area), std::move(perimeter));
    PartitionRequest& request = snapshot.request;
    request.graph = snapshot.subgraph.get();
    request.k = 2;
    if (!price.empty()) {
        for (const GraphEdge& e : snapshot.subgraph->edges()) request.edge_cost.push_back(price[{e.a, e.b}]);
    }
    if (settlements) {
        ZoneGroups sub = *settlements;
        sub.of_zone.clear();
        for (std::uint32_t z : members) sub.of_zone.push_back(settlements->of_zone[z]);
        request.groupings.push_back(std::move(sub));
    }
    for (const BalanceLayer& layer : state.layers()) {
        BalanceLayer sub = layer;
        sub.values.clear();
        for (std::uint32_t z : members) sub.values.push_back(layer.values[z]);
        request.balance.push_back(std::move(sub));
    }
    request.locks.assign(members.size(), -1);
    for (std::uint32_t i = 0; i < members.size(); ++i) {
        if (state.zone_fixed(members[i])) request.locks[i] = 0; // locked zones stay in the original
    }
    snapshot.data = std::move(data);
    return snapshot;
}

PartitionResult run_snapshot(OptimiserSnapshot& snapshot, std::function<bool(double)> progress) {
    snapshot.request.progress = std::move(progress);
    return partition(snapshot.request);
}

} // namespace lp::viewer
