#pragma once
// The graph the partitioner works on at one level of the multilevel hierarchy: nodes
// are zones (level 0) or connected clusters of them, with summed balance weights,
// the land boundary they share as edge weight, and what is locked or grouped.
#include <lp/graph/contiguity_graph.hpp>

#include "random.hpp"

#include <cstdint>
#include <vector>

namespace lp::detail {

struct WorkGraph {
    int layers = 0;
    std::vector<int> offsets;          // CSR: neighbours of u are adjacent[offsets[u] .. offsets[u+1])
    std::vector<int> adjacent;
    std::vector<double> shared;        // per adjacency entry: metres of land boundary (0 for a crossing)
    std::vector<double> weight;        // node * layers + layer
    std::vector<int> lock;             // -1 free, else the locality the node must stay in
    std::vector<int> group;            // keep-whole group of every zone in the node, -1 none or mixed
    std::vector<int> group_members;    // zones of `group` in the node (0 when group is -1)
    int group_count = 0;               // groups are numbered 0..group_count-1

    int size() const { return static_cast<int>(lock.size()); }
    const double* weights(int node) const { return weight.data() + static_cast<std::size_t>(node) * layers; }
}; // struct WorkGraph

// Level 0: one node per zone. values[layer][zone]; locks and groups per zone or empty
// (groups already numbered 0..group_count-1).
WorkGraph make_zone_graph(const ContiguityGraph& graph, const std::vector<const std::vector<double>*>& values,
                          const std::vector<int>& locks, const std::vector<int>& groups, int group_count);

struct CoarseLevel {
    WorkGraph graph;
    std::vector<int> parent;           // node of the finer level -> node of this level
}; // struct CoarseLevel

// One round of heavy-edge matching. Matches only nodes whose locks agree and whose
// summed weight stays within cap[layer]; with same_group_only, only nodes of one
// keep-whole group. Returns false when the graph would shrink by less than 5%.
bool coarsen_once(const WorkGraph& fine, const std::vector<double>& cap, bool same_group_only, Random& random,
                  CoarseLevel& out);

// The subgraph on `nodes` (in that order): node i of the result is nodes[i]; edges to
// nodes outside are dropped.
WorkGraph induced_subgraph(const WorkGraph& graph, const std::vector<int>& nodes);

// Component label per node (all edges, crossings included) and the count.
std::vector<int> node_components(const WorkGraph& graph, int* count);

} // namespace lp::detail
