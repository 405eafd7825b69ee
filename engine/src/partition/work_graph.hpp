#pragma once
// The graph the partitioner works on at one level of the multilevel hierarchy: nodes
// are zones (level 0) or connected clusters of them, with summed balance weights,
// the price of cutting between them as edge weight (metres of land boundary, or the
// people living along it), and what is locked or grouped.
#include <lp/graph/contiguity_graph.hpp>

#include "random.hpp"

#include <cstdint>
#include <vector>

namespace lp::detail {

// One kind of zones that belong together (settlements, building blocks, keep-whole
// groups such as Intermediate Zones), each extra piece of a group costing split_cost.
struct Grouping {
    std::vector<int> group;            // per node: the group of every zone in it, -1 none or mixed
    std::vector<int> members;          // per node: zones of `group` in it (0 when group is -1)
    int count = 0;                     // groups are numbered 0..count-1
    double split_cost = 0;             // cost of one extra piece of a group
    bool whole = false;                // kept whole (settlements): the search also tries merging split parts
}; // struct Grouping

struct WorkGraph {
    int layers = 0;
    std::vector<int> offsets;          // CSR: neighbours of u are adjacent[offsets[u] .. offsets[u+1])
    std::vector<int> adjacent;
    std::vector<double> shared;        // per adjacency entry: price of cutting it (0 for a crossing)
    std::vector<double> weight;        // node * layers + layer
    std::vector<int> lock;             // -1 free, else the locality the node must stay in
    std::vector<Grouping> groupings;   // coarsest kind first (settlements, blocks, keep-whole groups)
    std::vector<char> closed;          // per locality (empty: none): no node may join or leave it
    std::vector<int> anchor;           // per node (empty: none): its start locality, -1 none
    double anchor_cost = 0;            // price of a node away from its anchor

    int size() const { return static_cast<int>(lock.size()); }
    const double* weights(int node) const { return weight.data() + static_cast<std::size_t>(node) * layers; }
}; // struct WorkGraph

// Level 0: one node per zone. values[layer][zone]; edge_cost per graph edge (empty: the
// shared land boundary in metres); locks per zone or empty; groupings with one entry per
// zone in `group` (numbered 0..count-1; members is filled here).
WorkGraph make_zone_graph(const ContiguityGraph& graph, const std::vector<const std::vector<double>*>& values,
                          const std::vector<double>& edge_cost, const std::vector<int>& locks,
                          std::vector<Grouping> groupings);

struct CoarseLevel {
    WorkGraph graph;
    std::vector<int> parent;           // node of the finer level -> node of this level
}; // struct CoarseLevel

// The graph whose node c holds the fine nodes u with match[u] == c (0..coarse_count-1):
// weights and group members summed, a lock kept, edges to the same node merged.
WorkGraph contract(const WorkGraph& fine, const std::vector<int>& match, int coarse_count);

// One round of heavy-edge matching. Matches only nodes whose locks agree and whose
// summed weight stays within cap[layer], and which are in the same group (or both in
// none) of each of the first `same_groupings` groupings. Returns false when the graph
// would shrink by less than 5%.
bool coarsen_once(const WorkGraph& fine, const std::vector<double>& cap, int same_groupings, Random& random,
                  CoarseLevel& out);

// The subgraph on `nodes` (in that order): node i of the result is nodes[i]; edges to
// nodes outside are dropped.
WorkGraph induced_subgraph(const WorkGraph& graph, const std::vector<int>& nodes);

// Component label per node (all edges, crossings included) and the count.
std::vector<int> node_components(const WorkGraph& graph, int* count);

} // namespace lp::detail
