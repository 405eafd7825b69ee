#pragma once
// Making a first plan: seeds spread over the graph, regions grown from them, and the
// repairs that turn any assignment (a seed plan a person drew, say) into k connected,
// non-empty regions.
#include "random.hpp"
#include "work_graph.hpp"

#include <vector>

namespace lp::detail {

// A starting assignment: locked nodes on their locality, one seed node for every other
// locality, -1 elsewhere. Localities are shared among the graph's components (islands
// with no crossing) in proportion to their weight, at least one each while there are
// enough; seeds are spread farthest-first by hops from a random first one. Hub nodes
// (free, at most one per free locality) seed localities first, in the order given:
// the planner's main towns, each the centre of a locality and its hinterland.
std::vector<int> place_seeds(const WorkGraph& graph, int k, const std::vector<double>& mean, Random& random,
                             const std::vector<int>& hubs = {});

// Assigns every node with part -1 by growing the regions: the least filled region
// (balance weight over the mean, averaged over layers) takes the frontier node that
// shares the largest fraction of its boundary with it. Nodes no region can reach
// (a component with no seed) go, whole, to the least filled region.
void grow_regions(const WorkGraph& graph, int k, const std::vector<double>& mean, std::vector<int>& part);

// A starting assignment for many localities on a connected graph with no locks, by
// recursive bisection: the nodes are split into two connected parts whose weights are
// in the ratio of the localities each is to hold, each grown from a far end of the
// other, and so on down to one locality per part. Growing all the regions at once
// leaves some hemmed in small and others swollen (from -70% to +86% of the mean seen
// with 1,000 localities); halving keeps every part within a few nodes of its share.
std::vector<int> bisect_regions(const WorkGraph& graph, int k, const std::vector<double>& mean, Random& random);

// Makes every region one connected piece where it can: the piece holding the most
// locked nodes (then the heaviest) stays, other pieces are released and regrown.
// Empty regions get a seed taken from the fullest region without splitting it.
void repair_regions(const WorkGraph& graph, int k, const std::vector<double>& mean, std::vector<int>& part);

} // namespace lp::detail
