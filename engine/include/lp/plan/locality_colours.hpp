#pragma once
// Colours for a plan's localities, chosen once and stored in the plan, so that every
// output (GIS styles, report, SVG, viewer) shows a locality in the same colour and no two
// neighbouring localities share one, however many there are: the locality adjacency graph
// coloured over the colour-blind-safe palette (default_locality_colour).
#include <lp/graph/contiguity_graph.hpp>
#include <lp/plan/locality_plan.hpp>

#include <string>
#include <vector>

namespace lp {

// One "#rrggbb" per locality 0..k-1 (assignment: locality per zone, -1 none). Localities
// touching by land or a crossing get different colours: DSatur over the palette in its
// order (most distinct first), so plans of few localities keep the first colours; beyond
// twelve neighbours of one locality, the palette's colours are lightened or darkened
// into new ones rather than repeated.
std::vector<std::string> locality_colours(const ContiguityGraph& graph, const std::vector<int>& assignment, int k);

// Recolours plan.localities (in their order) by locality_colours over the zones of a
// layer (zone_ids in graph order). Localities with no zone keep their colour.
void colour_localities(LocalityPlan& plan, const ContiguityGraph& graph, const std::vector<std::string>& zone_ids);

// Whether two localities that touch share a colour: the pairs of names, empty when none.
std::vector<std::pair<std::string, std::string>> neighbours_sharing_a_colour(const LocalityPlan& plan,
                                                                              const ContiguityGraph& graph,
                                                                              const std::vector<std::string>& zone_ids);

} // namespace lp
