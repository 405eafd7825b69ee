#include <lp/data/dataset.hpp>

#include <lp/core/error.hpp>

#include "core/worker_threads.hpp"

namespace lp {

Dataset load_dataset(const DatasetOptions& options) {
    Dataset ds;
    const auto& progress = options.progress;
    ds.zones = read_zones(options.zones, progress);
    // The tables and points need only the zones, and so does the graph: one builds while
    // the other joins (a million zones: 5 s of graph beside 2.5 s of tables). A table's
    // error is reported before a graph's, as when they ran one after the other.
    auto join_tables = [&] {
        for (const auto& path : options.demand_paths) {
            DemandReadOptions demand;
            demand.path = path;
            join_demand(ds.zones, demand, ds.demand);
        }
        for (const auto& path : options.point_paths) {
            ds.points.push_back(read_points(path, ds.zones));
            ds.demand.set(ds.points.back().kind, count_per_zone(ds.points.back(), ds.zones.size()), path);
        }
    };
    // The crossings are read with the graph (and even without one: subset() builds graphs).
    auto read_crossings = [&] {
        if (!options.crossings_csv.empty()) ds.crossings = read_crossings_csv(options.crossings_csv);
    };
    // The graph is the only part reporting while the tables are joined beside it, so the
    // callback still hears from one thread at a time.
    auto build_graph = [&] {
        read_crossings();
        const std::size_t zones = ds.zones.size();
        std::function<void(int)> steps;
        if (progress)
            steps = [&](int step) {
                progress({ReadStage::building_graph, static_cast<std::size_t>(step), graph_steps, zones, 0, 0});
            };
        ds.graph = build_contiguity_graph(ds.zones, options.graph, ds.crossings, steps);
        if (progress) progress({ReadStage::building_graph, graph_steps, graph_steps, zones, 0, ds.graph.edges().size()});
    };
    const bool both = options.build_graph && (!options.demand_paths.empty() || !options.point_paths.empty());
    if (!both) {
        join_tables();
        if (options.build_graph) build_graph();
        else read_crossings();
    } else {
        detail::run_workers(2, [&](unsigned worker, unsigned) {
            if (worker == 0) join_tables();
            else build_graph();
        });
    }
    if (progress)
        progress({ReadStage::finished, ds.zones.size(), ds.zones.size(), ds.zones.size(), ds.zones.repairs.size(),
                  options.build_graph ? ds.graph.edges().size() : 0});
    return ds;
}

Dataset subset(const Dataset& data, const std::vector<std::size_t>& zones, const GraphOptions* graph_options) {
    Dataset out;
    out.zones = subset(data.zones, zones);
    out.demand.names = data.demand.names;
    out.demand.sources = data.demand.sources;
    out.demand.unusable = data.demand.unusable;
    for (const auto& column : data.demand.text) {
        auto& part = out.demand.text.emplace_back(DemandColumns::TextColumn{column.name, column.source, {}});
        part.values.reserve(zones.size());
        for (std::size_t z : zones) part.values.push_back(column.values[z]);
    }
    for (const auto& column : data.demand.values) {
        std::vector<double> part;
        part.reserve(zones.size());
        for (std::size_t z : zones) part.push_back(column[z]);
        out.demand.values.push_back(std::move(part));
    }
    std::vector<long> new_index(data.zones.size(), -1);
    for (std::size_t i = 0; i < zones.size(); ++i) new_index[zones[i]] = static_cast<long>(i);
    for (const auto& layer : data.points) {
        PointLayer part;
        part.source = layer.source;
        part.kind = layer.kind;
        for (std::size_t p = 0; p < layer.points.size(); ++p) {
            if (layer.zone[p] < 0 || new_index[layer.zone[p]] < 0) continue;
            part.points.push_back(layer.points[p]);
            part.labels.push_back(layer.labels[p]);
            part.zone.push_back(new_index[layer.zone[p]]);
        }
        out.points.push_back(std::move(part));
    }
    out.crossings = data.crossings;
    if (graph_options) out.graph = build_contiguity_graph(out.zones, *graph_options, out.crossings);
    return out;
}

std::vector<std::string> zone_text_column(const Dataset& data, const std::string& field,
                                          const std::vector<std::string>& tables) {
    if (const auto* column = data.zones.field(field)) return *column;
    for (const auto& path : tables) {
        if (data.demand.has_text_of(path)) { // joined when the dataset was loaded: its columns are kept
            if (const auto* column = data.demand.text_column(path, field)) return *column;
            continue;
        }
        try {
            return join_text_column(data.zones, path, data.zones.id_field, field);
        } catch (const Error&) {
            // not in this table; try the next
        }
    }
    return {};
}

} // namespace lp
