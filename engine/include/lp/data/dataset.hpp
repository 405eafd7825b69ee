#pragma once
// Everything a command or the viewer works on: zones, demand columns, service points
// and the contiguity graph, loaded in one call from the same options everywhere.
#include <lp/graph/graph_builder.hpp>
#include <lp/io/demand_table.hpp>
#include <lp/io/point_layer.hpp>
#include <lp/io/read_progress.hpp>
#include <lp/io/zone_layer.hpp>

#include <string>
#include <vector>

namespace lp {

struct DatasetOptions {
    ZoneReadOptions zones;
    std::vector<std::string> demand_paths;   // CSV or any GDAL table, keyed by the zone id field
    std::vector<std::string> point_paths;    // each adds a count column named after its kind
    std::string crossings_csv;               // the planner's water crossings: zone_a,zone_b[,note]
    GraphOptions graph;
    bool build_graph = true;
    // Hears how far load_dataset has got (lp/io/read_progress.hpp): features read, zones
    // prepared, the graph, and the finish. Empty: nothing is reported.
    ReadProgressCallback progress;
};

struct Dataset {
    ZoneLayer zones;
    DemandColumns demand;
    std::vector<PointLayer> points;
    std::vector<UserCrossing> crossings;     // read once; subset() builds its graphs from them
    ContiguityGraph graph;
};

Dataset load_dataset(const DatasetOptions& options);

// The part of a dataset holding the given zones (in that order): demand rows, points
// inside them (re-indexed; points elsewhere dropped), the crossings and, when graph_options
// is given, a contiguity graph of the part alone with the crossings inside it.
Dataset subset(const Dataset& data, const std::vector<std::size_t>& zones, const GraphOptions* graph_options);

// A text attribute per zone: the zone layer's field, else the column of the first table
// that has it (e.g. iz11_name from the lookup table); empty when none has it. A table the
// dataset joined is looked up in what it kept; only another table is read.
std::vector<std::string> zone_text_column(const Dataset& data, const std::string& field,
                                          const std::vector<std::string>& tables);

} // namespace lp
