#pragma once
// Builds the contiguity graph of a zone layer: shared boundaries (with a snapping
// tolerance that closes the slivers a simplified layer leaves) and water crossings.
#include <lp/graph/contiguity_graph.hpp>
#include <lp/io/crossings_table.hpp>

#include <functional>
#include <string>
#include <vector>

namespace lp {

class ZoneLayer;

enum class Adjacency { rook, queen };

inline constexpr double default_max_crossing_metres = 100000.0; // 100 km

struct GraphOptions {
    Adjacency adjacency = Adjacency::rook;
    double snap_tolerance = 10.0;     // metres: boundaries closer than this count as shared
    double min_shared_length = 10.0;  // metres: rook neighbours share at least this much (shorter
                                      // contacts are corners: queen neighbours only)
    bool join_components = true;      // add nearest-component crossings until connected
    // metres: an automatic crossing is never longer (a zone at 179 degrees east got one of
    // 6,858 km, issue 24). The longest water between zones of one Scottish partnership that
    // needs one is under 60 km (Fair Isle to Shetland's mainland, 40 km); pieces further
    // apart stay apart, and the partitioner names them (record a crossing for them).
    double max_crossing_metres = default_max_crossing_metres;
};

// Crossings are the planner's (io/crossings_table.hpp), joined before the automatic ones.
// A crossing naming a zone the layer left out (a national table on one council) is skipped;
// any other unknown zone, or a zone joined to itself, is an lp::Error naming the row.
// steps, when given, is called as each step begins (for a progress line: a million zones
// take seconds): 0 the zones' outlines, 1 the shared boundaries, 2 the crossings that join
// the pieces, 3 the graph itself; of graph_steps.
inline constexpr int graph_steps = 4;
ContiguityGraph build_contiguity_graph(const ZoneLayer& zones, const GraphOptions& options = {},
                                       const std::vector<UserCrossing>& crossings = {},
                                       const std::function<void(int step)>& steps = {});

} // namespace lp
