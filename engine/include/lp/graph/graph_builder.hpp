#pragma once
// Builds the contiguity graph of a zone layer: shared boundaries (with a snapping
// tolerance that closes the slivers a simplified layer leaves) and water crossings.
#include <lp/graph/contiguity_graph.hpp>
#include <lp/io/crossings_table.hpp>

#include <string>
#include <vector>

namespace lp {

class ZoneLayer;

enum class Adjacency { rook, queen };

struct GraphOptions {
    Adjacency adjacency = Adjacency::rook;
    double snap_tolerance = 10.0;     // metres: boundaries closer than this count as shared
    double min_shared_length = 10.0;  // metres: rook neighbours share at least this much (shorter
                                      // contacts are corners: queen neighbours only)
    bool join_components = true;      // add nearest-component crossings until connected
    std::string crossings_csv;        // user crossings: columns zone_a,zone_b[,note]
};

ContiguityGraph build_contiguity_graph(const ZoneLayer& zones, const GraphOptions& options = {});

} // namespace lp
