#include "unit_graph.hpp"

#include "core/disjoint_sets.hpp"

#include <lp/core/error.hpp>
#include <lp/partition/locality_count.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace lp::detail {

namespace {

std::string zone_name(const EnsembleRequest& request, std::size_t zone) {
    if (request.zone_ids && zone < request.zone_ids->size()) return "zone " + (*request.zone_ids)[zone];
    return "zone #" + std::to_string(zone);
}

void check_sizes(const EnsembleRequest& request) {
    const ContiguityGraph& graph = *request.graph;
    const std::size_t n = graph.size();
    if (!locality_count_allowed(request.k) || request.k > 255)
        throw Error(ErrorKind::bad_value, "ensemble: " + std::to_string(request.k) + " localities; 2..255 are possible");
    if (request.start.size() != n)
        throw Error(ErrorKind::bad_value, "ensemble: the start plan has " + std::to_string(request.start.size()) +
                                             " zones, the graph " + std::to_string(n));
    for (std::size_t z = 0; z < n; ++z)
        if (request.start[z] < 0 || request.start[z] >= request.k)
            throw Error(ErrorKind::bad_value, "ensemble: " + zone_name(request, z) + " is in locality " +
                                                 std::to_string(request.start[z] + 1) + ", outside 1.." +
                                                 std::to_string(request.k));
    if (!request.locks.empty() && request.locks.size() != n)
        throw Error(ErrorKind::bad_value, "ensemble: locks for " + std::to_string(request.locks.size()) + " zones, not " +
                                             std::to_string(n));
    for (std::size_t z = 0; z < request.locks.size(); ++z)
        if (request.locks[z] >= 0 && request.locks[z] != request.start[z])
            throw Error(ErrorKind::bad_value, "ensemble: " + zone_name(request, z) + " is locked to locality " +
                                                 std::to_string(request.locks[z] + 1) + " but the plan has it in " +
                                                 std::to_string(request.start[z] + 1));
    if (!request.hard_blocks.empty() && request.hard_blocks.size() != n)
        throw Error(ErrorKind::bad_value, "ensemble: building blocks for " + std::to_string(request.hard_blocks.size()) +
                                             " zones, not " + std::to_string(n));
    for (const auto& grouping : request.groupings)
        if (grouping.keep_whole && grouping.of_zone.size() != n)
            throw Error(ErrorKind::bad_value, "ensemble: " + grouping.kind + "s for " +
                                                 std::to_string(grouping.of_zone.size()) + " zones, not " +
                                                 std::to_string(n));
    for (const auto& layer : request.balance) {
        if (layer.values.size() != n)
            throw Error(ErrorKind::bad_value, "ensemble: balance layer " + layer.name + " has " +
                                                 std::to_string(layer.values.size()) + " values, not " +
                                                 std::to_string(n));
        if (!(layer.tolerance >= 0) || !std::isfinite(layer.tolerance))
            throw Error(ErrorKind::bad_value, "ensemble: balance layer " + layer.name + " has no usable tolerance");
        for (std::size_t z = 0; z < n; ++z)
            if (!(layer.values[z] >= 0) || !std::isfinite(layer.values[z]))
                throw Error(ErrorKind::bad_value, "ensemble: balance layer " + layer.name + ": " + zone_name(request, z) +
                                                     " has a negative or non-finite value");
    }
}

// Every start locality non-empty and in one piece through the graph's edges.
void check_connected(const EnsembleRequest& request) {
    const ContiguityGraph& graph = *request.graph;
    const std::size_t n = graph.size();
    DisjointSets pieces(n);
    for (const auto& e : graph.edges())
        if (request.start[e.a] == request.start[e.b]) pieces.unite(e.a, e.b);
    std::vector<std::vector<std::size_t>> roots(static_cast<std::size_t>(request.k));
    for (std::size_t z = 0; z < n; ++z)
        if (pieces.find(z) == z) roots[static_cast<std::size_t>(request.start[z])].push_back(z);
    for (int l = 0; l < request.k; ++l) {
        const auto& r = roots[static_cast<std::size_t>(l)];
        if (r.empty()) throw Error(ErrorKind::bad_plan, "ensemble: locality " + std::to_string(l + 1) + " has no zones");
        if (r.size() > 1) {
            std::string message = "ensemble: locality " + std::to_string(l + 1) + " is in " + std::to_string(r.size()) +
                                  " pieces (";
            for (std::size_t p = 0; p < r.size() && p < 4; ++p)
                message += (p ? ", one with " : "one with ") + zone_name(request, r[p]);
            message += r.size() > 4 ? ", ...)" : ")";
            throw Error(ErrorKind::bad_plan, message + "; ReCom needs every locality connected");
        }
    }
}

} // namespace

UnitGraph contract_units(const EnsembleRequest& request) {
    if (!request.graph) throw Error(ErrorKind::bad_value, "ensemble: no graph");
    check_sizes(request);
    check_connected(request);
    const ContiguityGraph& graph = *request.graph;
    const std::size_t n = graph.size();

    DisjointSets together(n);
    for (const auto& e : graph.edges()) {
        if (request.start[e.a] != request.start[e.b]) continue;
        if (!request.hard_blocks.empty() && request.hard_blocks[e.a] >= 0 &&
            request.hard_blocks[e.a] == request.hard_blocks[e.b])
            together.unite(e.a, e.b);
        for (const auto& grouping : request.groupings)
            if (grouping.keep_whole && grouping.of_zone[e.a] >= 0 && grouping.of_zone[e.a] == grouping.of_zone[e.b])
                together.unite(e.a, e.b);
    }

    UnitGraph units;
    units.zone_unit.assign(n, 0);
    std::vector<std::uint32_t> unit_of_root(n, UINT32_MAX);
    for (std::size_t z = 0; z < n; ++z) {
        const std::size_t root = together.find(z);
        if (unit_of_root[root] == UINT32_MAX) unit_of_root[root] = static_cast<std::uint32_t>(units.size++);
        units.zone_unit[z] = unit_of_root[root];
    }
    const std::size_t layers = request.balance.size();
    units.weight.assign(units.size * layers, 0.0);
    units.pin.assign(units.size, -1);
    units.start.assign(units.size, 0);
    for (std::size_t z = 0; z < n; ++z) {
        const std::uint32_t u = units.zone_unit[z];
        for (std::size_t l = 0; l < layers; ++l) units.weight[u * layers + l] += request.balance[l].values[z];
        if (!request.locks.empty() && request.locks[z] >= 0) units.pin[u] = request.locks[z];
        units.start[u] = static_cast<std::uint8_t>(request.start[z]);
    }

    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(graph.edges().size() * 2);
    for (const auto& e : graph.edges()) {
        const std::uint32_t a = units.zone_unit[e.a], b = units.zone_unit[e.b];
        if (a == b) continue;
        pairs.emplace_back(a, b);
        pairs.emplace_back(b, a);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    units.offsets.assign(units.size + 1, 0);
    units.adjacent.reserve(pairs.size());
    for (const auto& [a, b] : pairs) {
        ++units.offsets[a + 1];
        units.adjacent.push_back(b);
    }
    for (std::size_t u = 0; u < units.size; ++u) units.offsets[u + 1] += units.offsets[u];
    return units;
}

} // namespace lp::detail
