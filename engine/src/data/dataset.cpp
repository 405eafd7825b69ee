#include <lp/data/dataset.hpp>

namespace lp {

Dataset load_dataset(const DatasetOptions& options) {
    Dataset ds;
    ds.zones = read_zones(options.zones);
    for (const auto& path : options.demand_paths) {
        DemandReadOptions demand;
        demand.path = path;
        join_demand(ds.zones, demand, ds.demand);
    }
    for (const auto& path : options.point_paths) {
        ds.points.push_back(read_points(path, ds.zones));
        ds.demand.set(ds.points.back().kind, count_per_zone(ds.points.back(), ds.zones.size()), path);
    }
    if (options.build_graph) ds.graph = build_contiguity_graph(ds.zones, options.graph);
    return ds;
}

} // namespace lp
