#include <lp/core/error.hpp>
#include <lp/edit/locality_split.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

namespace lp {

namespace {

using LocalIndex = std::unordered_map<std::uint32_t, std::uint32_t>;

LocalIndex local_index(const std::vector<std::uint32_t>& zones) {
    LocalIndex local;
    for (std::uint32_t i = 0; i < zones.size(); ++i) local[zones[i]] = i;
    return local;
}

} // namespace

ContiguityGraph induced_subgraph(const ContiguityGraph& graph, const std::vector<std::uint32_t>& zones) {
    const LocalIndex local = local_index(zones);
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
    for (std::uint32_t z : zones) {
        if (z < graph.zone_area().size()) area.push_back(graph.zone_area()[z]);
        if (z < graph.zone_perimeter().size()) perimeter.push_back(graph.zone_perimeter()[z]);
    }
    return ContiguityGraph(zones.size(), std::move(edges), std::move(area), std::move(perimeter));
}

LocalitySplit locality_split(const Dataset& data, const PlanState& state, std::size_t locality,
                             const std::vector<double>& cut_cost, const ZoneGroups* settlements) {
    LocalitySplit split;
    split.members = state.members(locality);
    const std::vector<std::uint32_t>& members = split.members;
    if (members.size() < 2)
        throw Error(ErrorKind::bad_setting, "locality " + state.localities()[locality].name + " has " +
                                         std::to_string(members.size()) + " zone(s): a split needs two");
    const ContiguityGraph& graph = state.graph();
    auto part = std::make_shared<Dataset>(subset(data, std::vector<std::size_t>(members.begin(), members.end()), nullptr));
    part->graph = induced_subgraph(graph, members);
    // Border prices by the zones' pair: the sub-graph orders (and merges) its edges its own way.
    const LocalIndex local = local_index(members);
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> price;
    if (cut_cost.size() == graph.edges().size()) {
        for (std::size_t i = 0; i < graph.edges().size(); ++i) {
            const GraphEdge& e = graph.edges()[i];
            const auto a = local.find(e.a), b = local.find(e.b);
            if (a == local.end() || b == local.end()) continue;
            price[{std::min(a->second, b->second), std::max(a->second, b->second)}] += cut_cost[i];
        }
    }
    PartitionRequest& request = split.request;
    request.graph = &part->graph;
    request.zone_ids = &part->zones.ids;
    request.k = 2;
    if (!price.empty()) {
        for (const GraphEdge& e : part->graph.edges()) request.edge_cost.push_back(price[{e.a, e.b}]);
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
    split.part = std::move(part);
    return split;
}

} // namespace lp
