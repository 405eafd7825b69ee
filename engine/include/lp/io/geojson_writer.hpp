#pragma once
// Writing features: RFC 7946 GeoJSON (WGS84 lon/lat, CCW exteriors, CW holes,
// 6 decimals, no crs member) and, through GDAL, GeoPackage or Shapefile.
#include <lp/core/geometry.hpp>
#include <lp/io/layer_style.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lp {

struct Feature {
    MultiPolygon shape;           // working CRS
    nlohmann::ordered_json properties = nlohmann::ordered_json::object();
};

// Format chosen by extension: .geojson/.json (RFC 7946), .gpkg, .shp. Written as an
// OutputSet of its own (lp/io/output_set.hpp): temporary files, fsynced, then renamed, so a
// failure never leaves half a file (nor half a Shapefile). Throws lp::Error(write_failed).
// To write it together with other files, use OutputSet::add_features.
// A style (when not empty) goes into a GeoPackage's layer_styles table as its default
// style, and beside a Shapefile as <name>.qml; GeoJSON has no place for one.
// A Shapefile's field names are shortened (lp/io/shapefile_names.hpp) and
// <name>.fields.csv maps them to the full names.
void write_features(const std::string& path, const std::vector<Feature>& features,
                    const std::string& working_crs, const LayerStyle& style = {});

// Throws what write_features would for a path it cannot take (unknown format, missing
// folder), so a command can refuse before doing the work.
void check_output_path(const std::string& path);
// Only the folder, for outputs of any kind (CSV, JSON).
void check_output_folder(const std::string& path);

// RFC 7946 text for the features (used by write_features and by tests).
std::string to_geojson(const std::vector<Feature>& features, const std::string& working_crs);

// RFC 7946 text for points (working CRS in, WGS84 out), one properties object each.
std::string points_to_geojson(const std::vector<Point>& points, const std::vector<nlohmann::ordered_json>& properties,
                              const std::string& working_crs);

} // namespace lp
