#pragma once
// Everything a command or the viewer works on: zones, demand columns, service points
// and the contiguity graph, loaded in one call from the same options everywhere.
#include <lp/graph/graph_builder.hpp>
#include <lp/io/demand_table.hpp>
#include <lp/io/point_layer.hpp>
#include <lp/io/zone_layer.hpp>

#include <string>
#include <vector>

namespace lp {

struct DatasetOptions {
    ZoneReadOptions zones;
    std::vector<std::string> demand_paths;   // CSV or any GDAL table, keyed by the zone id field
    std::vector<std::string> point_paths;    // each adds a count column named after its kind
    GraphOptions graph;
    bool build_graph = true;
};

struct Dataset {
    ZoneLayer zones;
    DemandColumns demand;
    std::vector<PointLayer> points;
    ContiguityGraph graph;
};

Dataset load_dataset(const DatasetOptions& options);

} // namespace lp
