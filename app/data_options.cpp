#include "data_options.hpp"
#include "config_files.hpp"

#include <lp/core/error.hpp>
#include <lp/geometry/crs.hpp>

#include <cmath>
#include <cstdlib>

namespace lp::cli {

namespace {

// Refused before reading: a negative, NaN or infinite distance has no meaning.
CLI::Validator distance_at_least_zero(const std::string& option, const std::string& unit) {
    return CLI::Validator(
        [option, unit](std::string& text) -> std::string {
            char* end = nullptr;
            const double v = std::strtod(text.c_str(), &end);
            if (end == text.c_str() || *end || !std::isfinite(v) || v < 0)
                return option + " " + text + ": expected a distance in " + unit + ", 0 or more";
            return {};
        },
        unit == "km" ? "KM >= 0" : "METRES >= 0");
}

} // namespace

void DataOptions::add_to(CLI::App& command, bool required_zones) {
    auto* zones = command.add_option("--zones", dataset.zones.path,
                                     "Zone layer: any GDAL vector format (Shapefile, GeoPackage, GeoJSON)");
    auto* id = command.add_option("--id-field", dataset.zones.id_field, "Zone id attribute, e.g. dz11_code");
    if (required_zones) {
        zones->required();
        id->required();
    }
    command.add_option("--layer", dataset.zones.layer, "Layer name in a multi-layer source");
    command.add_option("--name-field", dataset.zones.name_field, "Zone name attribute (guessed when absent)");
    auto* filter_field =
        command.add_option("--filter-field", dataset.zones.filter_field, "Attribute to filter zones on, e.g. ca_code");
    auto* filter = command.add_option("--filter", dataset.zones.filter_values,
                                      "Keep zones whose filter field is one of these codes (needs --filter-field)")
                       ->expected(1, -1);
    // Each needs the other, said before reading: --filter alone was ignored (every zone kept).
    filter->needs(filter_field);
    filter_field->needs(filter);
    command.add_option("--crs", dataset.zones.working_crs,
                       "Planar working CRS in metres that keeps areas (default EPSG:27700 in Great Britain, else a "
                       "UTM zone); Web Mercator and geographic CRSs are refused")
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                // Refused before reading, about the option, never PROJ's own text.
                try {
                    check_working_crs(text);
                    return {};
                } catch (const Error& e) {
                    const std::string message = e.what();
                    const std::string engine = "working CRS ";
                    return message.compare(0, engine.size(), engine) == 0 ? "--crs " + message.substr(engine.size())
                                                                          : message;
                }
            },
            "EPSG:XXXX"));
    command.add_option("--demand", dataset.demand_paths, "Demand table(s) keyed by the zone id (CSV or any GDAL table)");
    command.add_option("--points", dataset.point_paths, "Service point layer(s) counted per zone (GP practices, hospitals)");
    command.add_option("--crossings", dataset.crossings_csv, "CSV of water crossings: zone_a,zone_b[,note]");
    command.add_option("--snap", dataset.graph.snap_tolerance, "Snapping tolerance in metres for shared boundaries")
        ->capture_default_str()
        ->check(distance_at_least_zero("--snap", "metres"));
    command.add_option("--max-crossing-km", max_crossing_km,
                       "Longest automatic water crossing between pieces of land; pieces further apart stay "
                       "apart unless --crossings joins them (inspect lists every crossing)")
        ->capture_default_str()
        ->check(distance_at_least_zero("--max-crossing-km", "km"));
    command.add_flag("--queen", queen, "Zones touching at a point are neighbours (default: a shared edge)");
}

DatasetOptions DataOptions::resolved() const {
    DatasetOptions result = dataset;
    result.graph.adjacency = queen ? Adjacency::queen : Adjacency::rook;
    result.graph.max_crossing_metres = max_crossing_km * 1000.0;
    return result;
}

std::vector<NamedPath> dataset_inputs(const DatasetOptions& dataset) {
    std::vector<NamedPath> inputs{{"--zones", dataset.zones.path}, {"--crossings", dataset.crossings_csv}};
    for (const auto& path : dataset.demand_paths) inputs.push_back({"--demand", path});
    for (const auto& path : dataset.point_paths) inputs.push_back({"--points", path});
    return inputs;
}

std::vector<NamedPath> DataOptions::inputs() const {
    auto result = dataset_inputs(dataset);
    for (const auto& path : config_files()) result.push_back({"--config", path});
    return result;
}

} // namespace lp::cli
